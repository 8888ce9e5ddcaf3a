"""Download and unpack LanguageTool (~250 MB), only when the user asks for it.

The archive is checked against language-tool-python's SHA-256 list and unpacked with its safe
extractor into the folder `local_server` searches. Every failure is one `DownloadError`.

May import: core.proofing.reasons, core.proofing.languagetool (addresses) and local_server.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from resonanz.core.proofing.languagetool import is_loopback, server_label
from resonanz.core.proofing.local_server import default_languagetool_dir, jar_in
from resonanz.core.proofing.reasons import GrammarError, short_detail


class DownloadError(GrammarError):
    """`download_languagetool` failed; reason code "download_failed"."""

    def __init__(self, detail: str) -> None:
        super().__init__("download_failed", detail=detail)


def download_languagetool(
    target: Path | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    *,
    version: str | None = None,
    url: str | None = None,
    sha256: str | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download and unpack LanguageTool (~250 MB) into `target` (default: default_languagetool_dir()).

    Only call this when the user asked for it. `progress(bytes_done, bytes_total_or_None)` is called
    from the calling thread after every chunk; `cancel.set()` stops the download. The archive is
    checked against language-tool-python's SHA-256 list (or `sha256`) and unpacked with its safe
    extractor. Returns the folder holding languagetool-server.jar; raises DownloadError with a
    one-line reason (offline, HTTP error, checksum, not a LanguageTool archive) and leaves no
    partial files behind.
    """
    import zipfile

    import requests
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    from language_tool_python.safe_zip import SafeZipExtractor

    version = version or LTP_DOWNLOAD_VERSION
    target = Path(target) if target is not None else default_languagetool_dir()
    try:
        url = url or LocalLanguageTool.from_version_name(version).download_url
        expected = sha256 if sha256 is not None else _known_sha256(version)
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target, prefix=".download-") as tmp:
            archive = Path(tmp) / "languagetool.zip"
            digest = hashlib.sha256()
            session = requests.Session()
            session.trust_env = not is_loopback(urlsplit(url).hostname or "")  # no proxy for 127.0.0.1
            with session, session.get(url, stream=True, timeout=timeout) as response:
                if response.status_code != 200:
                    raise DownloadError(f"HTTP {response.status_code} from {server_label(url)}")
                total = int(response.headers.get("Content-Length") or 0) or None
                done = 0
                with archive.open("wb") as fh:
                    for chunk in response.iter_content(chunk_size=1 << 20):
                        if cancel is not None and cancel.is_set():
                            raise DownloadError("cancelled")
                        fh.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            if expected and digest.hexdigest() != expected.lower():
                raise DownloadError("checksum mismatch: the file is not the expected LanguageTool archive")
            work = Path(tmp) / "unpack"
            work.mkdir()
            with zipfile.ZipFile(archive) as zf:
                SafeZipExtractor().extractall(zf, target, work_dir=work)
    except DownloadError:
        raise
    except requests.exceptions.RequestException as exc:
        raise DownloadError(short_detail(exc)) from None
    except zipfile.BadZipFile:
        raise DownloadError("the file is not a zip archive") from None
    except Exception as exc:  # noqa: BLE001 - PathError, OSError, ValueError: one line, never a traceback
        raise DownloadError(short_detail(exc) or type(exc).__name__) from None
    jar = jar_in(target)
    if jar is None:
        raise DownloadError(f"no languagetool-server.jar in the archive from {server_label(url)}")
    return jar.parent


def _known_sha256(version: str) -> str | None:
    try:
        from language_tool_python.download_lt import EXPECTED_DOWNLOAD_SHA256
    except ImportError:
        return None
    value = EXPECTED_DOWNLOAD_SHA256.get(version)
    return str(value) if value else None
