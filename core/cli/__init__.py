"""core.cli"""
