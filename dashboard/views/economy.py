"""Economy: GDP in euros (market rate or PPP) for the pair, employment, unemployment, exchange rates."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from dashboard import query
from dashboard.cache import per_version
from dashboard.figures.timeseries import line_chart, paired_bars
from dashboard.i18n import format as fmt
from dashboard.i18n import t
from dashboard.selection import series
from dashboard.views.base import PageView
from dashboard.views.pair import Pair

CURRENCIES = ("market", "ppp")
MEASURES = ("gdp", "gdp_per_capita")
YEARS = (2000, 2025)
EMPLOYMENT = ("persons_employed", "employees_social_insurance", "establishments", "companies")
CHARTS = ("gdp",)
EURO = "EUR"


def gdp_indicator(measure: str, currency: str) -> str:
    return {"gdp": "gdp_eur", "gdp_per_capita": "gdp_per_capita_eur"}[measure] + ("_ppp" if currency == "ppp" else "")


def foreign_currencies(dataset, pair: Pair) -> list[tuple[str, str]]:
    """(currency, country place id) for each side whose currency is not the euro: the rates that apply."""
    countries = dataset.places[dataset.places["kind"].eq("country")]
    out = []
    for place in pair.places:
        if place.currency and place.currency != EURO:
            country = countries[countries["country"].eq(place.country)]
            if len(country):
                out.append((place.currency, str(country.iloc[0]["id"])))
    return list(dict.fromkeys(out))


def rate_indicators(currency: str, kind: str) -> str:
    return f"{'fx' if kind == 'market' else 'ppp'}_{currency.lower()}_per_eur"


class EconomyView(PageView):
    measure: str = "gdp"
    currency: str = "market"
    years: tuple[int, int] = YEARS

    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "EconomyView":
        q = q or {}
        return cls(pair=cls.pair_from(dataset, q), measure=query.choice(q.get("indicator"), MEASURES, "gdp"),
                   currency=query.choice(q.get("currency"), CURRENCIES, "market"),
                   years=query.year_range(q.get("years"), *YEARS, YEARS))

    @classmethod
    def from_controls(cls, dataset, pair_id, measure, currency, years) -> "EconomyView":
        return cls(pair=cls.pair_from(dataset, {"pair": pair_id}), measure=query.choice(measure, MEASURES, "gdp"),
                   currency=query.choice(currency, CURRENCIES, "market"), years=query.slider_range(years, *YEARS, YEARS))

    def params(self) -> dict[str, str]:
        return {"indicator": self.measure if self.measure != "gdp" else "",
                "currency": self.currency if self.currency != "market" else "",
                "years": f"{self.years[0]}-{self.years[1]}" if self.years != YEARS else ""}

    def gdp_rows(self, dataset) -> pd.DataFrame:
        rows = series(dataset.facts, gdp_indicator(self.measure, self.currency), self.pair.ids, year_range=self.years)
        return rows[rows["basis"].ne("document")]

    def gdp_figure(self, dataset, lang: str):
        return _gdp_figure(dataset, lang, self)

    def rates_text(self, dataset, lang: str) -> str:
        """The conversion rates used for the figures shown that were not in euros."""
        return _rates_text(dataset, lang, self)

    def _rates_text(self, dataset, lang: str) -> str:
        rows = self.gdp_rows(dataset)
        converted = rows[rows["converted_from"].astype(str).ne("")] if "converted_from" in rows else rows.iloc[:0]
        parts = []
        for currency, country in foreign_currencies(dataset, self.pair):
            rates = series(dataset.facts, rate_indicators(currency, self.currency), [country])
            used = rates[rates["year"].isin(converted["year"])]
            if len(used):
                values = t("common.list_separator", lang).join(
                    t("economy.rate_in_year", lang, year=fmt.year(y, lang), rate=fmt.number(v, lang, 2))
                    for y, v in zip(used["year"], used["value"]))
                parts.append(t(f"economy.rate_used_{self.currency}", lang, currency=currency, rates=values))
        return " ".join(parts)

    def employment_rows(self, dataset) -> pd.DataFrame:
        return pd.concat([series(dataset.facts, i, self.pair.ids) for i in EMPLOYMENT])

    def unemployment_rows(self, dataset) -> pd.DataFrame:
        return series(dataset.facts, "unemployment_rate", self.pair.ids)

    def rate_rows(self, dataset) -> pd.DataFrame:
        frames = [series(dataset.facts, rate_indicators(currency, kind), [country])
                  for currency, country in foreign_currencies(dataset, self.pair) for kind in CURRENCIES]
        return pd.concat(frames) if frames else dataset.facts.iloc[0:0]

    def gdp_note(self, dataset, lang: str) -> str:
        """The pair's note on GDP, else how each side counts its years (calendar or fiscal, from the catalogue)."""
        note = self.note(dataset, "gdp_nominal", lang)
        starts = [p.fiscal_year_start_month for p in self.pair.places]
        if note or starts == [1, 1]:
            return note
        return " · ".join(t("economy.fiscal_year", lang, name=p.name(lang), month=p.fiscal_year_start_month)
                          if p.fiscal_year_start_month != 1 else t("economy.calendar_year", lang, name=p.name(lang))
                          for p in self.pair.places)

    def rates_currency(self, dataset) -> str:
        return ", ".join(c for c, _ in foreign_currencies(dataset, self.pair)) or EURO

    def employment_figure(self, dataset, lang: str):
        return paired_bars(self.employment_rows(dataset), dataset.places, lang, indicators=dataset.indicators)

    def unemployment_figure(self, dataset, lang: str):
        return line_chart(self.unemployment_rows(dataset), dataset.places, dataset.bases, lang, y_title="%",
                          decimals=1)

    def rates_figure(self, dataset, lang: str):
        return line_chart(self.rate_rows(dataset), dataset.places, dataset.bases, lang,
                          y_title=t("economy.rates_axis", lang, currency=self.rates_currency(dataset)), decimals=2,
                          indicators=dataset.indicators)


@per_version()
def _rates_text(dataset, lang, view: EconomyView) -> str:
    return view._rates_text(dataset, lang)


@per_version()
def _gdp_figure(dataset, lang, view: EconomyView):
    return paired_bars(view.gdp_rows(dataset), dataset.places, lang, y_title=t(f"economy.axis_{view.measure}", lang))
