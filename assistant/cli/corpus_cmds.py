"""`assistant corpus ...`: list, show and add speeches (ingest and search live in store_cmds)."""

from __future__ import annotations

import typer

corpus_app = typer.Typer(help="语料库：列出、查看、添加讲话稿，建立索引与检索。", no_args_is_help=True)
