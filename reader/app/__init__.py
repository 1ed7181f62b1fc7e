"""The Qt window: renders a :class:`reader.core.model.Comparison`; the only package importing PySide6."""
