"""Server-made SVG charts: every colour passes contrast, series differ without colour, text
is escaped, and every chart has a summary and its data as a table."""

import re

from werkgroep.charts import STYLES, Chart, ChartSeries, charts_for, contrast_ratio
from werkgroep.monitor import Series


def test_every_series_colour_has_at_least_4_5_to_1_contrast_on_white():
    for colour, *_rest in STYLES:
        assert contrast_ratio(colour) >= 4.5, colour


def test_series_differ_in_greyscale_by_dash_marker_and_fill_pattern():
    assert len({dash for _c, dash, _m, _p in STYLES}) == len(STYLES)
    assert len({marker for _c, _d, marker, _p in STYLES}) == len(STYLES)
    assert len({pattern for _c, _d, _m, pattern in STYLES}) == len(STYLES)


def test_a_line_chart_has_a_title_a_summary_and_a_gap_for_a_missing_value():
    chart = Chart(
        title="Respons <script>",
        labels=["jan 2026", "feb 2026", "mrt 2026", "apr 2026"],
        series=[ChartSeries("Respons", [20.0, 30.5, None, 25.0])],
        unit="%",
    )
    svg = str(chart.svg)
    assert 'role="img"' in svg
    assert "<title" in svg and "Respons &lt;script&gt;" in svg
    assert "<script>" not in svg
    assert f'aria-describedby="{chart.uid}-summary"' in svg
    assert svg.count("<polyline") == 1  # the gap splits the line; a lone point is a marker
    assert chart.summary == (
        "Respons: van 20% in jan 2026 naar 25% in apr 2026; het hoogst was 30,5% in feb 2026."
    )
    assert chart.rows[2] == {"label": "mrt 2026", "cells": ["–"]}


def test_a_bar_chart_fills_bars_with_patterns():
    chart = Chart(
        title="Doorverwijzingen",
        labels=["K1", "K2"],
        series=[ChartSeries("Alle", [4, 2]), ChartSeries("Warm", [3, 1])],
        kind="bar",
    )
    svg = str(chart.svg)
    assert len(re.findall(r"<rect x=\"[\d.]+\" y=\"[\d.]+\" width", svg)) == 4
    assert f"url(#{chart.uid}-p1)" in svg


def test_hidden_values_are_said_in_the_summary_and_shown_as_their_sign():
    chart = Chart(
        title="Trend",
        labels=["voorjaar", "zomer", "najaar"],
        series=[ChartSeries("Ja", [40.0, None, 55.0], displays=["40%", "<5", "55%"])],
        unit="%",
    )
    assert "In 1 van de 3 perioden is het getal verborgen." in chart.summary
    assert chart.rows[1]["cells"] == ["<5"]


def test_counts_and_percentages_never_share_an_axis():
    charts = charts_for(
        title="Peilingen",
        labels=["jan", "feb"],
        series=[Series("Peilingen", [1, 2]), Series("Respons", [30.0, 40.0], "%")],
    )
    assert [c.unit for c in charts] == ["", "%"]
