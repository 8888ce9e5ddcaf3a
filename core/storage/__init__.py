"""core.storage"""
