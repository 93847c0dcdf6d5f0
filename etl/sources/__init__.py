"""Readers of genuinely special raw files, one module each. ``FACT_SOURCES`` lists those that yield rows of the
fact table. A folder of ``data/raw`` in the shared indicator-table layout needs no module: its ``source.yaml``
declares ``format: reader: indicator_table`` (see :mod:`etl.extract.indicator_table`); a folder that neither a
module nor its ``source.yaml`` claims stops the run."""
from etl.sources import (climate_targets, ecb_eurjpy, ecb_exr_jpy, essen_economy, essen_register,
                         estat_koriyama_population, germany_energy, itnrw_population, japan_energy, koriyama_economy,
                         koriyama_population, regionalstatistik_population, seed_documents, worldbank_ppp,
                         worldbank_ppp_api)

FACT_SOURCES = [essen_register, itnrw_population, regionalstatistik_population, essen_economy, germany_energy,
                koriyama_population, estat_koriyama_population, koriyama_economy, japan_energy, ecb_eurjpy,
                ecb_exr_jpy, worldbank_ppp, worldbank_ppp_api, seed_documents]
OTHER_SOURCES = [climate_targets]
ALL_SOURCES = FACT_SOURCES + OTHER_SOURCES
