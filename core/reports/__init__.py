"""core.reports"""
