"""Outputs are written atomically and never replace a file without being told to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from jyscore.writers.atomic import OutputError, write_atomic, write_text_atomic


def test_refuses_to_overwrite_without_permission(tmp_path):
    target = tmp_path / "文学院.yaml"
    target.write_text("filled in by hand", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        write_text_atomic(target, "new", overwrite=False)
    assert info.value.code == "JY701"
    assert target.read_text(encoding="utf-8") == "filled in by hand"


def test_replaces_with_permission_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "新,内容\n", overwrite=True, bom=True)
    assert target.read_bytes() == "\ufeff新,内容\n".encode("utf-8")
    assert os.listdir(tmp_path) == ["out.csv"]


def test_a_failing_writer_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def broken(stream):
        stream.write(b"half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken, overwrite=True)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.xlsx"]


def test_a_locked_target_is_a_clear_error(tmp_path, monkeypatch):
    target = tmp_path / "排名.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"new", overwrite=True)
    assert info.value.code == "JY702"
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["排名.xlsx"]


def test_sigterm_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from pathlib import Path
        from jyscore.writers.atomic import write_atomic

        def slow(stream):
            stream.write(b"partial")
            stream.flush()
            print("writing", flush=True)
            time.sleep(30)

        try:
            write_atomic(Path({str(target)!r}), slow, overwrite=True)
        except KeyboardInterrupt:
            sys.exit(130)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 130
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.xlsx"]


def test_new_files_get_ordinary_permissions_and_replaced_files_keep_theirs(tmp_path):
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "new.csv"
        write_text_atomic(fresh, "x", overwrite=False)
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.csv"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        write_text_atomic(kept, "new", overwrite=True)
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize("existing", [False, True])
def test_a_folder_without_write_permission_is_named_not_a_locked_file(tmp_path, monkeypatch,
                                                                       existing):
    import tempfile

    target = tmp_path / "x.csv"
    if existing:
        target.write_bytes(b"old")

    def refused(*args, **kwargs):  # as mkstemp fails in a folder the user may not write to
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OutputError) as info:
        write_atomic(target, b"new", overwrite=True)
    assert info.value.code == "JY703"
    from jyscore.i18n.messages import render_message

    message = render_message("JY703", {"path": target, "reason": info.value.reason})
    assert "x.csv" in message and "not writable" in message and "Excel" not in message
    assert target.exists() == existing
