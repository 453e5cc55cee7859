"""Showing the comparison with a reference speech: a terminal cell, a text report, the
HTML section of report.html, and the figures read back from results.json (eval compare).
The measures themselves are in assistant/reference.py."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from assistant.reference import FIGURE_LABELS, FIGURES
from assistant.text import overlap, sentences, short


def figures_of(run: Mapping[str, Any]) -> dict[str, float | None]:
    block = run.get("reference") or {}
    return dict(block.get("figures") or {})


def case_figures(case_row: Mapping[str, Any]) -> dict[str, float]:
    """Per figure, the mean over the case's runs that have it."""
    values: dict[str, list[float]] = {}
    for r in case_row.get("runs") or []:
        for k, v in figures_of(r).items():
            if v is not None:
                values.setdefault(k, []).append(float(v))
    return {k: round(sum(v) / len(v), 4) for k, v in values.items() if v}


def short_figures(figs: Mapping[str, Any]) -> str:
    """One cell: 结构 0.82 内容 0.40 要点 0.35（覆盖 2/4）检查 0.95."""
    if not figs:
        return "—"
    parts = []
    for k in ("alignment", "content", "points", "checks", "overall"):
        v = figs.get(k)
        if v is not None:
            parts.append(f"{FIGURE_LABELS[k]} {v:.2f}")
    return " ".join(parts)


def reference_changes(a: Mapping[str, Any], b: Mapping[str, Any]):
    """(case, figure, mean in A, mean in B) for every case with reference figures."""
    ca = {c["name"]: case_figures(c) for c in a.get("cases", [])}
    cb = {c["name"]: case_figures(c) for c in b.get("cases", [])}
    rows = []
    for name in dict.fromkeys([*ca, *cb]):
        fa, fb = ca.get(name, {}), cb.get(name, {})
        for k in FIGURES:
            if k in fa or k in fb:
                rows.append((name, k, fa.get(k), fb.get(k)))
    return tuple(rows)


def render_text(block: Mapping[str, Any]) -> str:
    """The block for a terminal: figures, structure differences, uncovered points, gaps."""
    f = block["figures"]
    lines = [f"与参考稿 {block['id']} 对照（相似度：{block['similarity']}）"]
    lines.append(
        "  " + "  ".join(f"{FIGURE_LABELS[k]} {f[k]:.3f}" for k in FIGURES if f.get(k) is not None)
    )
    diffs = block["alignment"]["differences"]
    lines.append("  结构差异：" + ("无" if not diffs else "；".join(diffs)))
    for row in block["sections"]:
        if not row["reference_text"]:
            lines.append(f"  {row['label']}：参考稿没有这一部分（草稿 {row['draft_chars']} 字）")
            continue
        ratio = "—" if row["length_ratio"] is None else f"{row['length_ratio']:.2f}"
        lines.append(f"  {row['label']}：相似度 {row['similarity']:.2f}，篇幅比 {ratio}")
    pts = block["points"]
    for m in pts["matches"]:
        who = f"草稿第{m['draft']}点" if m["draft"] else "草稿无对应"
        lines.append(
            f"  参考稿第{m['reference']}点 ↔ {who}：相似度 {m['similarity']:.2f}"
            + ("" if m["covered"] else "（未覆盖）")
        )
    if pts["uncovered"]:
        lines.append("  草稿未覆盖的参考要点：" + "；".join(short(h, 40) for h in pts["uncovered"]))
    ceiling = block.get("ceiling")
    if ceiling:
        gaps = [f"{c['name']} {c['gap']:.2f}" for c in ceiling["checks"] if c["gap"]]
        lines.append(
            f"  参考稿得分 {ceiling['reference_score']:.3f}，草稿 {ceiling['draft_score']:.3f}；"
            + ("差距：" + "、".join(gaps) if gaps else "各检查无差距")
        )
        if ceiling["not_held"]:
            lines.append("  参考稿本身未通过、不计差距：" + "、".join(ceiling["not_held"]))
    pw = block.get("pairwise")
    if pw:
        lines.append(f"  两两评审（{pw.get('model')}）：{pw['winner']}，两次回答 {pw['answers']}")
    return "\n".join(lines)


# ---------------------------------------------------------------- the HTML report

WINNER_LABELS = {
    "draft": "草稿胜",
    "reference": "参考稿胜",
    "tie": "平（两种顺序的回答不一致）",
    "unreadable": "回答无法识别",
    "error": "出错",
}


def _marked(text: str, other: str, cls: str) -> str:
    """The text as HTML, each sentence with no close counterpart in `other` marked."""
    theirs = sentences(other)
    out = []
    for para in text.split("\n"):
        pieces = []
        for sent in sentences(para):
            alike = any(overlap(sent, t) >= 0.5 and overlap(t, sent) >= 0.5 for t in theirs)
            esc = html.escape(sent)
            pieces.append(esc if alike else f'<mark class="{cls}">{esc}</mark>')
        out.append("".join(pieces))
    return "<br>".join(p for p in out if p)


def html_block(block: Mapping[str, Any] | None) -> list[str]:
    """The reference block of one run: figures, structure differences, the check gaps and
    the two speeches side by side, section by section; sentences with no close
    counterpart on the other side are marked."""
    if not block:
        return []
    e = html.escape
    f = block["figures"]
    out = [
        f"<h4>与参考稿 {e(str(block['id']))} 对照</h4>",
        f"<p>相似度：{e(str(block['similarity']))}</p><table><tr>",
        "".join(f"<th>{FIGURE_LABELS[k]}</th>" for k in FIGURES),
        "</tr><tr>",
        "".join(f"<td>{'—' if f.get(k) is None else f'{f[k]:.3f}'}</td>" for k in FIGURES),
        "</tr></table>",
    ]
    diffs = block["alignment"]["differences"]
    out.append(
        "<p>结构差异："
        + (
            "无"
            if not diffs
            else "</p><ul>" + "".join(f"<li>{e(d)}</li>" for d in diffs) + "</ul><p>"
        )
        + "</p>"
    )
    pts = block["points"]
    if pts["uncovered"]:
        out.append(
            "<p>草稿未覆盖的参考要点：</p><ul>"
            + "".join(f"<li>{e(h)}</li>" for h in pts["uncovered"])
            + "</ul>"
        )
    pw = block.get("pairwise")
    if pw:
        out.append(
            f"<p>两两评审（{e(str(pw.get('model')))}）：{e(WINNER_LABELS.get(pw['winner'], pw['winner']))}，"
            f"两次回答 {e(str(pw.get('answers')))}{'；' + e(pw['error']) if pw.get('error') else ''}</p>"
        )
    ceiling = block.get("ceiling")
    if ceiling:
        out.append(
            f"<p>参考稿得分 {ceiling['reference_score']:.3f}，草稿 {ceiling['draft_score']:.3f}。"
            "参考稿本身未通过的检查不计差距。</p>"
            "<table><tr><th>检查</th><th>草稿</th><th>参考稿</th><th>差距</th></tr>"
        )
        for c in ceiling["checks"]:
            gap = "不计（参考稿未通过）" if c["gap"] is None else f"{c['gap']:.2f}"
            out.append(
                f"<tr><td>{e(c['name'])}</td><td>{c['draft']:.2f}</td>"
                f"<td>{c['reference']:.2f}</td><td>{gap}</td></tr>"
            )
        out.append("</table>")
    out.append('<table class="side"><tr><th>部分</th><th>草稿</th><th>参考稿</th></tr>')
    for row in block["sections"]:
        sim = "—" if row["similarity"] is None else f"{row['similarity']:.2f}"
        ratio = "—" if row["length_ratio"] is None else f"{row['length_ratio']:.2f}"
        out.append(
            f"<tr><td>{e(row['label'])}<br>相似度 {sim}<br>篇幅比 {ratio}</td>"
            f"<td>{_marked(row['draft_text'], row['reference_text'], 'only-draft') or '（无）'}</td>"
            f"<td>{_marked(row['reference_text'], row['draft_text'], 'only-ref') or '（无）'}</td></tr>"
        )
    for m in pts["matches"]:
        who = f"草稿第{m['draft']}点" if m["draft"] else "草稿无对应"
        cover = "" if m["covered"] else "<br>未覆盖"
        out.append(
            f"<tr><td>要求：参考稿第{m['reference']}点 ↔ {who}<br>相似度 {m['similarity']:.2f}{cover}</td>"
            f"<td>{_marked(m['draft_text'], m['reference_text'], 'only-draft') or '（无）'}</td>"
            f"<td>{_marked(m['reference_text'], m['draft_text'], 'only-ref')}</td></tr>"
        )
    for x in pts.get("extra", []):
        out.append(
            f"<tr><td>要求：草稿第{x['draft']}点（参考稿无对应）</td>"
            f"<td>{_marked(x['draft_text'], '', 'only-draft')}</td><td>（无）</td></tr>"
        )
    out.append("</table>")
    return out
