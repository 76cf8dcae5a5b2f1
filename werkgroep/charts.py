"""Charts as SVG made on the server: lines and bars, each with a text summary and its data as a
table, so nobody needs the picture to get the figures. No JavaScript, no inline styles (CSP):
colours and dashes are SVG attributes.

Colours: every colour has a contrast of at least 4.5:1 against white (checked in the tests),
and every series also differs in a way that survives greyscale printing: lines by dash
pattern and marker shape, bars by fill pattern.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from werkgroep.suppression import SECRET, SMALL

# (colour, dash pattern, marker shape, bar fill pattern)
STYLES = [
    ("#0b4f8a", "", "circle", "solid"),
    ("#8a4500", "8 4", "square", "hatch"),
    ("#1a6b35", "2 3", "triangle", "dots"),
    ("#6b2c91", "12 4 2 4", "diamond", "cross"),
    ("#a31d1d", "4 4", "circle-open", "hatch-back"),
    ("#3d3d3d", "1 2", "square-open", "grid"),
]
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 16, 56
FONT = 14
_ids = count(1)


@dataclass(frozen=True)
class ChartSeries:
    label: str
    values: list[float | int | None]  # None = no value (no data, or hidden: see displays)
    displays: list[str] | None = None  # what the table shows, e.g. "<5"; default the value

    def display(self, i: int, unit: str = "") -> str:
        if self.displays is not None:
            return self.displays[i]
        return format_value(self.values[i], unit)


@dataclass
class Chart:
    title: str
    labels: list[str]
    series: list[ChartSeries]
    kind: str = "line"  # "line" or "bar"
    unit: str = ""
    uid: str = field(default_factory=lambda: f"chart-{next(_ids)}")

    @property
    def svg(self) -> SafeString:
        return render_svg(self)

    @property
    def summary(self) -> str:
        return summarise(self)

    @property
    def rows(self) -> list[dict]:
        return [
            {"label": label, "cells": [s.display(i, self.unit) for s in self.series]}
            for i, label in enumerate(self.labels)
        ]

    @property
    def legend(self) -> list[dict]:
        return [
            {"label": s.label, "swatch": _swatch(i, self.kind)} for i, s in enumerate(self.series)
        ]


def format_value(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)
    return f"{text}%" if unit == "%" else text


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    fill = "#fff" if shape.endswith("-open") else colour
    base = shape.removesuffix("-open")
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if base == "circle":
        return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4.5" {common}/>'
    if base == "square":
        return f'<rect x="{_fmt(x - 4)}" y="{_fmt(y - 4)}" width="8" height="8" {common}/>'
    if base == "triangle":
        points = f"{_fmt(x)},{_fmt(y - 5)} {_fmt(x + 5)},{_fmt(y + 4)} {_fmt(x - 5)},{_fmt(y + 4)}"
        return f'<polygon points="{points}" {common}/>'
    points = f"{_fmt(x)},{_fmt(y - 5)} {_fmt(x + 5)},{_fmt(y)} {_fmt(x)},{_fmt(y + 5)} {_fmt(x - 5)},{_fmt(y)}"
    return f'<polygon points="{points}" {common}/>'


def _patterns(uid: str) -> str:
    """Fill patterns for bars, one per style, in the style's colour."""
    out = []
    for i, (colour, _dash, _shape, pattern) in enumerate(STYLES):
        pid = f"{uid}-p{i}"
        if pattern == "solid":
            body = f'<rect width="8" height="8" fill="{colour}"/>'
        elif pattern == "hatch":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="{colour}" stroke-width="2.5"/>'
        elif pattern == "hatch-back":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2" stroke="{colour}" stroke-width="2.5"/>'
        elif pattern == "dots":
            body = f'<rect width="8" height="8" fill="#fff"/><circle cx="4" cy="4" r="2.2" fill="{colour}"/>'
        elif pattern == "cross":
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,8 L8,0 M0,0 L8,8" stroke="{colour}" stroke-width="1.8"/>'
        else:
            body = f'<rect width="8" height="8" fill="#fff"/><path d="M0,4 H8 M4,0 V8" stroke="{colour}" stroke-width="2"/>'
        out.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">{body}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _swatch(i: int, kind: str) -> SafeString:
    colour, dash, shape, _pattern = STYLES[i % len(STYLES)]
    uid = f"sw{i}{kind}"
    if kind == "bar":
        inner = _patterns(uid) + (
            f'<rect x="1" y="1" width="22" height="14" fill="url(#{uid}-p{i % len(STYLES)})" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
    else:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        inner = (
            f'<line x1="0" y1="8" x2="32" y2="8" stroke="{colour}" stroke-width="3"{dash_attr}/>'
            + _marker(shape, 16, 8, colour)
        )
    width = 24 if kind == "bar" else 32
    return mark_safe(  # noqa: S308 - built from constants only
        f'<svg class="wg-swatch" width="{width}" height="16" viewBox="0 0 {width} 16" '
        f'aria-hidden="true" focusable="false">{inner}</svg>'
    )


def render_svg(chart: Chart) -> SafeString:
    values = [v for s in chart.series for v in s.values if v is not None]
    top = 100.0 if chart.unit == "%" else _nice_max(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(len(chart.labels), 1)

    def y_of(v: float) -> float:
        return TOP + plot_h - (v / top) * plot_h if top else TOP + plot_h

    parts = [
        f'<svg class="wg-svgchart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart.uid}-title" aria-describedby="{chart.uid}-summary" '
        f'font-size="{FONT}" font-family="inherit">',
        f'<title id="{chart.uid}-title">{escape(chart.title)}</title>',
    ]
    if chart.kind == "bar":
        parts.append(_patterns(chart.uid))
    # horizontal grid lines with their values
    for k in range(5):
        value = top * k / 4
        y = y_of(value)
        parts.append(
            f'<line x1="{LEFT}" y1="{_fmt(y)}" x2="{WIDTH - RIGHT}" y2="{_fmt(y)}" '
            f'stroke="{"#3d3d3d" if k == 0 else "#c9c9c9"}" stroke-width="1"/>'
        )
        label = format_value(round(value, 1) if value % 1 else int(value), chart.unit)
        parts.append(
            f'<text x="{LEFT - 6}" y="{_fmt(y + 5)}" text-anchor="end" fill="#3d3d3d">{escape(label)}</text>'
        )
    step_w = plot_w / n
    every = max(1, math.ceil(n / 8))
    for i, label in enumerate(chart.labels):
        if i % every:
            continue
        x = LEFT + step_w * (i + 0.5)
        parts.append(
            f'<text x="{_fmt(x)}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" fill="#1f1f1f">'
            f"{escape(label)}</text>"
        )
    if chart.kind == "bar":
        group = step_w * 0.8
        bar_w = group / max(len(chart.series), 1)
        for si, s in enumerate(chart.series):
            colour = STYLES[si % len(STYLES)][0]
            for i, v in enumerate(s.values):
                if v is None:
                    continue
                x = LEFT + step_w * i + step_w * 0.1 + bar_w * si
                y = y_of(v)
                parts.append(
                    f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(max(bar_w - 1, 1))}" '
                    f'height="{_fmt(TOP + plot_h - y)}" fill="url(#{chart.uid}-p{si % len(STYLES)})" '
                    f'stroke="{colour}" stroke-width="1.5"/>'
                )
    else:
        for si, s in enumerate(chart.series):
            colour, dash, shape, _pattern = STYLES[si % len(STYLES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            points: list[tuple[float, float]] = []
            segments: list[list[tuple[float, float]]] = []
            for i, v in enumerate(s.values):
                if v is None:  # a gap: no line through a missing or hidden value
                    if points:
                        segments.append(points)
                    points = []
                    continue
                points.append((LEFT + step_w * (i + 0.5), y_of(v)))
            if points:
                segments.append(points)
            for seg in segments:
                if len(seg) > 1:
                    path = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in seg)
                    parts.append(
                        f'<polyline points="{path}" fill="none" stroke="{colour}" '
                        f'stroke-width="3"{dash_attr}/>'
                    )
                parts.extend(_marker(shape, x, y, colour) for x, y in seg)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def summarise(chart: Chart) -> str:
    """A few sentences that say what the chart shows: per series first, last and highest."""
    if not chart.labels:
        return _("Er zijn nog geen cijfers.")
    sentences = []
    for s in chart.series:
        known = [(i, v) for i, v in enumerate(s.values) if v is not None]
        hidden = [
            i
            for i, v in enumerate(s.values)
            if v is None and s.displays is not None and s.displays[i] in (SMALL, SECRET)
        ]
        if not known:
            sentences.append(_("{label}: geen cijfers te tonen.").format(label=s.label))
            continue
        i0, i1 = known[0][0], known[-1][0]
        high_i = max(known, key=lambda item: item[1])[0]
        if i0 == i1:
            text = _("{label}: {value} in {when}.").format(
                label=s.label, value=s.display(i0, chart.unit), when=chart.labels[i0]
            )
        else:
            text = _(
                "{label}: van {first} in {first_when} naar {last} in {last_when}; "
                "het hoogst was {high} in {high_when}."
            ).format(
                label=s.label,
                first=s.display(i0, chart.unit),
                first_when=chart.labels[i0],
                last=s.display(i1, chart.unit),
                last_when=chart.labels[i1],
                high=s.display(high_i, chart.unit),
                high_when=chart.labels[high_i],
            )
        if hidden:
            text += " " + _("In {n} van de {total} perioden is het getal verborgen.").format(
                n=len(hidden), total=len(s.values)
            )
        sentences.append(text)
    return " ".join(sentences)


def charts_for(
    *, title: str, labels: Sequence[str], series: Sequence, kind: str = "line"
) -> list[Chart]:
    """Charts for series that may have different units (monitor.Series): one chart per unit,
    so a count and a percentage never share an axis."""
    by_unit: dict[str, list[ChartSeries]] = {}
    for s in series:
        by_unit.setdefault(s.unit, []).append(ChartSeries(label=s.label, values=list(s.values)))
    charts = []
    for unit, items in by_unit.items():
        chart_title = (
            title if len(by_unit) == 1 else f"{title}: {', '.join(i.label for i in items)}"
        )
        charts.append(
            Chart(
                title=chart_title,
                labels=list(labels),
                series=items[: len(STYLES)],
                kind=kind,
                unit="%" if unit == "%" else "",
            )
        )
    return charts


def contrast_ratio(colour: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio between two #rrggbb colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    a, b = sorted((luminance(colour), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
