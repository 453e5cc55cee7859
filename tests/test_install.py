"""The package installs like any Python tool: a built wheel works with the checkout out of reach.

The wheel is built from a copy of the sources (so the checkout gets no build/ dir), installed
with `pip --no-index --no-deps` into a fresh venv whose dependencies come from this
interpreter's site-packages (no network), and the CLI runs from a directory outside the repo.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from assistant import paths

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "assistant", *paths.DATA_DIRS)


def _setuptools_builds_wheels() -> bool:
    """setuptools ≥ 70.1 has bdist_wheel itself; older ones need the `wheel` package."""
    if importlib.util.find_spec("wheel") is not None:
        return True
    import setuptools

    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1)


def test_pyproject_ships_every_package_and_data_dir():
    """The wheel's package list is explicit (for the data mapping): it must not miss one."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(conf["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "assistant").rglob("__init__.py")
    }
    missing = on_disk - listed
    assert not missing, f"pyproject.toml [tool.setuptools] packages lacks {sorted(missing)}"
    mapping = conf["setuptools"]["package-dir"]
    for name in paths.DATA_DIRS:
        assert mapping[f"assistant._data.{name}"] == name
        # Subfolders Python could import are listed too, or setuptools warns on every build.
        subdirs = [d for d in (ROOT / name).rglob("*") if d.is_dir() and d.name.isidentifier()]
        for d in [ROOT / name, *subdirs]:
            if d.name != "__pycache__":
                assert "assistant._data." + ".".join(d.relative_to(ROOT).parts) in listed, d


def test_data_dirs_resolve_in_the_checkout():
    for name in paths.DATA_DIRS:
        assert paths.data_dir(name) == ROOT / name
    assert (paths.prompts_dir() / "paragraph.md").is_file()
    assert paths.checkout_dir() == ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    if not _setuptools_builds_wheels():
        pytest.skip("这个环境的 setuptools 不能构建 wheel：pip install -e '.[dev]' 会装上新版")
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", dist, src],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("assistant-*.whl")

    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies: this interpreter's site-packages dirs, appended after the venv's own (a
    # path line in a .pth is not itself a site dir, so the checkout's editable hook stays off).
    deps = [sysconfig.get_paths()["purelib"]]
    deps += [p for p in sys.path if p.endswith("site-packages") and p not in deps]
    (Path(site) / "_assistant_test_deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [*pip, "--python", py, "install", "--no-index", "--no-deps", wheel],
        check=True,
        capture_output=True,
    )
    return venv


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(venv / "bin" / "assistant"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_wheel_runs_outside_the_checkout(installed, tmp_path):
    venv = installed
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import assistant.paths as p; print(p.data_dir('corpus'))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), where  # the shipped copy, not the checkout's

    listed = _run(venv, tmp_path, "corpus", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    ids = {s["id"] for s in json.loads(listed.stdout)}
    assert {"gaodu-closing-2023", "qingxu-closing-2022"} <= ids and len(ids) == 9

    made = _run(venv, tmp_path, "brief", "new", "b.toml")
    assert made.returncode == 0, made.stderr
    checked = _run(venv, tmp_path, "brief", "check", "b.toml")
    assert checked.returncode == 0, checked.stderr
    assert "简报有效" in checked.stdout and "要求" in checked.stdout

    (tmp_path / "d.md").write_text(
        "各位代表、同志们：\n\n青山镇第十八届人民代表大会第三次会议圆满完成了各项议程，即将胜利闭幕。\n\n谢谢大家！\n",
        encoding="utf-8",
    )
    # `brief new` is blank (no date, so no 提法 to check): score against a dated brief
    (tmp_path / "q.toml").write_text(
        'occasion = "closing_session"\nlocality = "青山镇"\nlevel = "镇"\n'
        "date = 2025-01-10\nlength = 2000\n",
        encoding="utf-8",
    )
    scored = _run(venv, tmp_path, "eval", "score", "d.md", "--brief", "q.toml", "--json")
    assert scored.returncode in (0, 1), scored.stderr
    report = json.loads(scored.stdout)
    names = json.dumps(report, ensure_ascii=False)
    assert "tifa" in names and "structure" in names  # checks that read evals/*.yaml ran
