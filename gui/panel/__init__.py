"""gui.panel"""
