"""gui.proofing"""
