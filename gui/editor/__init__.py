"""gui.editor"""
