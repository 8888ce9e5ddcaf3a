"""gui.reports"""
