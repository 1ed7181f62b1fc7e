"""Reading: bytes, files and web pages into a :class:`reader.core.model.Document` (formats/ per file type)."""
