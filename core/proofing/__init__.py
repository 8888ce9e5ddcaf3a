"""core.proofing"""
