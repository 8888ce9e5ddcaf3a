"""gui.coaching"""
