"""The command-line side of issue 16: ``brief rm``, ``brief show --format md``,
``brief config`` and ``brief completion``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefings.library import Library
from briefings.models import briefing_id_for
from tests.tui.conftest import BARRIER, VOTE, build_library
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_rm_deletes_and_the_other_related_lists_follow(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_library(library_dir)
    barrier, vote = briefing_id_for(BARRIER), briefing_id_for(VOTE)
    code, _, err = run(capsys, "--library", str(library_dir), "rm", barrier[:8], "0000ffff")
    assert code == 1  # one id not found
    assert "deleted 1, not found 1" in err
    with Library(library_dir) as lib:
        assert lib.count() == 3
        assert barrier not in [r.id for r in lib.get(vote).related]
    code, out, _ = run(capsys, "--library", str(library_dir), "search", "barrier", "--json")
    assert barrier not in out
    code, _, err = run(capsys, "--library", str(library_dir), "rm", briefing_id_for(VOTE))
    assert code == 0 and "deleted 1, not found 0" in err


def test_show_format_md_is_the_export_markdown(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_library(library_dir)
    code, out, _ = run(
        capsys, "--library", str(library_dir), "show", briefing_id_for(BARRIER), "--format", "md"
    )
    assert code == 0
    assert out.startswith("---\ntitle: Harbour council approves tidal barrier plan\n")
    assert "# Harbour council approves tidal barrier plan" in out
    assert "Ines Varga" in out


def test_config_path_show_and_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "config", "path")
    path = Path(out.strip())
    assert code == 0 and path == tmp_path / "xdg-config" / "brief" / "config.toml"
    code, out, err = run(capsys, "config", "show")
    assert code == 0 and "no settings file" in err and "# theme" in out
    monkeypatch.setenv("EDITOR", 'sh -c \'echo theme = \\"nord\\" >> "$0"\'')
    code, _, _ = run(capsys, "config", "edit")
    assert code == 0
    code, out, _ = run(capsys, "config", "show")
    assert code == 0 and 'theme = "nord"' in out
    path.write_text("theme = [\n", encoding="utf-8")
    code, _, err = run(capsys, "config", "show")
    assert code == 1 and "cannot be read" in err


def test_export_uses_the_config_export_dir_flag_first(
    library_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # flag > config.toml's export_dir > $BRIEF_EXPORT_DIR, as the reader's `e`
    build_library(library_dir)
    barrier = briefing_id_for(BARRIER)
    config = tmp_path / "xdg-config" / "brief" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'export_dir = "{tmp_path / "configured"}"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEF_EXPORT_DIR", str(tmp_path / "from-env"))
    code, out, _ = run(capsys, "export", barrier)
    assert code == 0 and out.strip().startswith(str(tmp_path / "configured"))
    assert len(list((tmp_path / "configured").glob("*.md"))) == 1
    assert not (tmp_path / "from-env").exists()
    code, out, _ = run(capsys, "export", barrier, "--dir", str(tmp_path / "flag"))
    assert code == 0 and len(list((tmp_path / "flag").glob("*.md"))) == 1
    config.write_text("export_dir = 3\n", encoding="utf-8")  # a bad value: said, then the default
    code, out, err = run(capsys, "export", barrier)
    assert code == 0 and "export_dir must be a folder" in err
    assert len(list((tmp_path / "from-env").glob("*.md"))) == 1


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_the_commands(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0
    for command in ("ingest", "search", "export", "rm", "config", "completion"):
        assert command in out
    assert "--library" in out


def test_bash_completion_completes_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    _, script, _ = run(capsys, "completion", "bash")
    (tmp_path / "brief.bash").write_text(script, encoding="utf-8")
    probe = (
        f"source {tmp_path / 'brief.bash'}; COMP_WORDS=(brief con); COMP_CWORD=1; "
        "COMP_LINE='brief con'; COMP_POINT=9; _shtab_brief; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    done = subprocess.run([bash, "-c", probe], capture_output=True, text=True, check=False)
    assert "config" in done.stdout.split(), (done.stdout, done.stderr)
    for other in ("zsh", "fish"):
        found = shutil.which(other)
        if found:
            _, text, _ = run(capsys, "completion", other)
            path = tmp_path / f"brief.{other}"
            path.write_text(text, encoding="utf-8")
            check = subprocess.run([found, "-n", str(path)], capture_output=True, check=False)
            assert check.returncode == 0, check.stderr
