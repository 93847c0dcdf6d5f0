"""One module per raw source. ``FACT_SOURCES`` lists those that yield rows of the fact table."""
from etl.sources import (city_profile, climate_targets, ecb_eurjpy, ecb_exr_jpy, essen_economy, essen_register,
                         estat_koriyama_population, germany_energy, health_education, itnrw_population,
                         japan_energy, koriyama_economy, koriyama_population, regionalstatistik_population,
                         seed_documents, worldbank_ppp, worldbank_ppp_api)

FACT_SOURCES = [essen_register, itnrw_population, regionalstatistik_population, essen_economy, germany_energy,
                koriyama_population, estat_koriyama_population, koriyama_economy, japan_energy, ecb_eurjpy,
                ecb_exr_jpy, worldbank_ppp, worldbank_ppp_api, city_profile, health_education, seed_documents]
OTHER_SOURCES = [climate_targets]
ALL_SOURCES = FACT_SOURCES + OTHER_SOURCES
