"""Resonanz: coaching for social-media posts that open a dialogue and travel on."""
