# language: nl
Functionaliteit: OMG-beoordeling met het mini-model
  Het mini-model heeft fictieve gewichten; deze features controleren dat elke
  Nederlandse stap werkt, met beide engines.

  Achtergrond:
    Gegeven het model in "tests/models/mini"

  Scenario: Clubhuis met drugs leidt tot een aanbevolen sluiting
    Gegeven een profiel van gemeente "Almere" op peildatum "2023-05-01"
    En het feit "motorclub_aanwezig" is "ja"
    En het feit "afgeschermd" is "true"
    En het feit "clubhuis_status" is "in_gebruik"
    En het feit "aangetroffen" is "drugs"
    En het feit "kinderen_in_woning" is "nee"
    En het feit "aantal_incidenten" is "1"
    En het feit "laatste_incident" is "2022-01-01"
    En het feit "gelieerde_club" is "club_b"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T2"
    En is het mogelijke niveau van "omg" "T2"
    En is de poort van "omg" "voldaan"
    En is indicator "omg_drugs" "geraakt"
    En is indicator "omg_geweld" "niet_geraakt"
    En is de status van interventie "sluiting_13b" "aanbevolen"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"

  Scenario: Onvolledig pandprofiel met de python-engine
    Gegeven een profiel van soort "pand" in gemeente "Almere" op peildatum "2024-02-01"
    En het feit "motorclub_aanwezig" is "ja"
    En het feit "afgeschermd" is "onbekend"
    En het feit "aangetroffen" is "wapens"
    En het feit "clubhuis_status" is "gepland"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is de poort van "omg" "onbepaald"
    En is het niveau van "omg" "T0"
    En is het mogelijke niveau van "omg" "T3"
    En is indicator "omg_nieuw" "geraakt"
    En is de status van interventie "sluiting_13b" "onvoldoende_gegevens"
    En ontbreekt het feit "drugs_gram" voor interventie "sluiting_13b"

  Scenario: Scenariobestand met een latere peildatum
    Gegeven het scenario "tests/scenarios_mini/mini_verboden_club.yaml"
    En de peildatum is "2022-01-10"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    En is indicator "omg_verboden_club" "geraakt"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"

  Scenario: Een gewijzigd feit in een scenariobestand, met decimale komma
    Gegeven het scenario "tests/scenarios_mini/mini_geen_omg.yaml"
    En het feit "motorclub_aanwezig" is "ja"
    En het feit "drugs_gram" is "0,75"
    Als de beoordeling wordt uitgevoerd
    Dan is de poort van "omg" "voldaan"
    En is indicator "omg_drugs" "geraakt"
    En is de status van interventie "sluiting_13b" "te_overwegen"

  Scenario: Zonder motorclub wordt niets voorgesteld
    Gegeven het scenario "tests/scenarios_mini/mini_geen_omg.yaml"
    Als de beoordeling wordt uitgevoerd
    Dan is de poort van "omg" "niet_voldaan"
    Maar wordt interventie "stopgesprek" niet voorgesteld
    En wordt interventie "sluiting_13b" niet voorgesteld

  Abstract Scenario: Beide engines geven dezelfde uitkomst
    Gegeven het scenario "tests/scenarios_mini/mini_clubhuis_drugs.yaml"
    Als de beoordeling wordt uitgevoerd met engine "<engine>"
    Dan is het niveau van "omg" "T2"
    En is de status van interventie "stopgesprek" "aanbevolen"

    Voorbeelden:
      | engine  |
      | durable |
      | python  |
