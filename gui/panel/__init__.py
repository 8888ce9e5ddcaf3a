"""The coaching panel beside the text: score gauges and breakdowns, findings by dimension, charts,
the dimension colours and the panel's styling.

May import: resonanz.core.analysis and gui.app (theme); never gui.editor.
"""
