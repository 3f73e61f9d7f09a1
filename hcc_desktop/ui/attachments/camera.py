"""Where camera pages come from: a real camera (Qt Multimedia) or a feed of
video frames (tests, and any other frame producer).

Both deliver the live picture through a ``QVideoSink`` (``frame_changed``)
and a page through ``captured``. Qt Multimedia is imported only when a source
is made: a machine without its system libraries still scans from files.

The real path (QtCameraSource): ``QCamera`` on the default video input (a
document camera at the counter, the laptop's camera on a home visit) →
``QMediaCaptureSession`` → ``QVideoSink`` for the preview and
``QImageCapture`` for the page, taken at the camera's full resolution when
the officer presses the capture key. On Linux Qt needs the PulseAudio
client library (libpulse0) to load Qt Multimedia at all, and GStreamer or
FFmpeg for the camera itself; see docs/attachments.md.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


def multimedia_available() -> bool:
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError:
        return False
    return True


class FrameSource(QObject):
    """A live picture and pages taken from it."""

    frame_changed = Signal(QImage)
    captured = Signal(QImage)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QVideoSink

        self.sink = QVideoSink(self)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self._latest = QImage()

    def _on_frame(self, frame: Any) -> None:
        image = frame.toImage()
        if not image.isNull():
            self._latest = image
            self.frame_changed.emit(image)

    def latest(self) -> QImage:
        return self._latest

    def start(self) -> None:
        """Start the live picture."""

    def stop(self) -> None:
        """Stop it (the dialog closes, the camera is released)."""

    def capture(self) -> None:
        """Take a page: ``captured`` follows."""
        if self._latest.isNull():
            self.failed.emit("no_frame")
        else:
            self.captured.emit(self._latest.copy())


class VideoFrameFeed(FrameSource):
    """Frames pushed by the program (tests, a scanner SDK): each image becomes a
    ``QVideoFrame`` on the sink, as a camera's frames do."""

    def push(self, image: QImage) -> None:
        from PySide6.QtMultimedia import QVideoFrame

        self.sink.setVideoFrame(QVideoFrame(image.convertToFormat(QImage.Format.Format_ARGB32)))


class QtCameraSource(FrameSource):
    """The machine's default camera through Qt Multimedia."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import (
            QCamera,
            QImageCapture,
            QMediaCaptureSession,
            QMediaDevices,
        )

        device = QMediaDevices.defaultVideoInput()
        if device.isNull():
            raise RuntimeError("no_camera")
        self.camera = QCamera(device, self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.image_capture = QImageCapture(self)
        self.image_capture.setQuality(QImageCapture.Quality.HighQuality)
        self.session.setImageCapture(self.image_capture)
        self.image_capture.imageCaptured.connect(self._on_captured)
        self.image_capture.errorOccurred.connect(self._on_capture_error)
        self.camera.errorOccurred.connect(self._on_camera_error)

    def start(self) -> None:
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()

    def capture(self) -> None:
        if self.image_capture.isReadyForCapture():
            self.image_capture.capture()
        else:  # still focusing, say: take the preview frame rather than nothing
            super().capture()

    def _on_captured(self, _id: int, image: QImage) -> None:
        self.captured.emit(image)

    def _on_capture_error(self, _id: int, _error: Any, text: str) -> None:
        self.failed.emit(text)

    def _on_camera_error(self, _error: Any, text: str) -> None:
        self.failed.emit(text)


def default_camera(parent: QObject | None = None) -> FrameSource | None:
    """The real camera, or None when there is none (or no Qt Multimedia)."""
    if not multimedia_available():
        return None
    try:
        return QtCameraSource(parent)
    except RuntimeError:
        return None
