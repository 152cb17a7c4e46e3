"""The Qt desktop interface of Renja Desktop (the only package that imports PySide6)."""
