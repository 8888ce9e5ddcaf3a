"""gui.app"""
