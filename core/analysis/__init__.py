"""core.analysis"""
