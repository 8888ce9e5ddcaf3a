"""core.exercises"""
