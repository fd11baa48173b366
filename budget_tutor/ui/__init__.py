"""The Qt desktop application (PySide6). Everything outside this package is the Qt-free core."""
