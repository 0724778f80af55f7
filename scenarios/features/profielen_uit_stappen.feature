# language: nl
Functionaliteit: Profielen opgebouwd uit losse feiten
  Dezelfde regels, maar het profiel wordt in de stappen zelf opgebouwd. Zo is te zien welk
  feit een uitkomst draagt, en dat beide engines hetzelfde zeggen.

  Scenario: Een reguliere motorclub met patches is geen OMG
    Gegeven een profiel van soort "groep" in gemeente "Deventer" op peildatum "2023-05-01"
    En het feit "omg_motorcultuur_zichtbaar" is "ja"
    En het feit "omg_groepssymbolen" is "ja"
    En het feit "omg_niet_vrij_toegankelijk" is "nee"
    En het feit "omg_leden_normoverschrijdend" is "nee"
    En het feit "clubhuis_status" is "in_gebruik"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is het mogelijke niveau van "omg" "T0"
    En is de poort van "omg" "niet_voldaan"
    En wordt interventie "beeindiging_huur_opstal" niet voorgesteld

  Scenario: Kweekbenodigdheden zonder planten in 2018: geen 13b-grond
    Gegeven een profiel van soort "pand" in gemeente "Oss" op peildatum "2018-06-01"
    En het feit "pand_soort" is "erf"
    En het feit "aangetroffen" is "productiemiddelen_hennep"
    En het feit "hennepplanten" is "0"
    En het feit "harddrugs_gram" is "0"
    En het feit "softdrugs_gram" is "0"
    En het feit "drugshandel_vastgesteld" is "nee"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is het niveau van "hennep_drugs" "verhoogd"
    En is indicator "hd_drugs_aangetroffen" "geraakt"
    En is de status van interventie "sluiting_13b" "juridisch_niet_mogelijk"

  Scenario: Dezelfde kweekbenodigdheden na 1 januari 2019: sluiting mogelijk
    Gegeven een profiel van soort "pand" in gemeente "Oss" op peildatum "2018-06-01"
    En het feit "pand_soort" is "erf"
    En het feit "aangetroffen" is "productiemiddelen_hennep"
    En het feit "hennepplanten" is "0"
    En het feit "harddrugs_gram" is "0"
    En het feit "softdrugs_gram" is "0"
    En het feit "drugshandel_vastgesteld" is "nee"
    En het feit "kinderen_in_woning" is "nee"
    En het feit "eigenaar_verwijtbaar" is "ja"
    En het feit "eerdere_waarschuwing" is "ja"
    En het feit "sluitingsduur_bepaald" is "onbekend"
    En de peildatum is "2019-06-01"
    # Lid 1 onder b vraagt wetenschap (art. 11a) en grootschalige of bedrijfsmatige teelt.
    En het feit "wetenschap_bestemming_voorbereiding" is "ja"
    En het feit "hennepteelt_grootschalig_of_bedrijfsmatig" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "verhoogd"
    En is de status van interventie "sluiting_13b_voorbereiding" "te_overwegen"

  Scenario: Een weigering zonder bekende evenementspecifieke dreiging vraagt eerst dat feit
    Gegeven een profiel van soort "evenement" in gemeente "Cuijk" op peildatum "2013-08-01"
    En het feit "omg_motorcultuur_zichtbaar" is "ja"
    En het feit "omg_groepssymbolen" is "ja"
    En het feit "omg_niet_vrij_toegankelijk" is "ja"
    En het feit "omg_leden_normoverschrijdend" is "ja"
    En het feit "omg_waarnemingen" is "ja"
    En het feit "evenement_vergunning_aangevraagd" is "ja"
    En het feit "omg_deelname_evenement_verwacht" is "ja"
    En het feit "bestuurlijke_rapportage_aanwezig" is "ja"
    En het feit "dreiging_evenement_specifiek" is "onbekend"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is het niveau van "omg" "T1"
    En is de status van interventie "evenement_weigering" "onvoldoende_gegevens"
    En ontbreekt het feit "dreiging_evenement_specifiek" voor interventie "evenement_weigering"

  Scenario: Het kleurenverbod uit de APV is nooit beschikbaar (onverbindend, ECLI:NL:HR:2021:1946)
    Gegeven een profiel van soort "groep" in gemeente "Haarlem" op peildatum "2021-12-23"
    En het feit "omg_motorcultuur_zichtbaar" is "ja"
    En het feit "omg_groepssymbolen" is "ja"
    En het feit "omg_niet_vrij_toegankelijk" is "ja"
    En het feit "omg_leden_normoverschrijdend" is "ja"
    En het feit "omg_waarnemingen" is "ja"
    En het feit "kleuren_in_openbaar" is "ja"
    En het feit "apv_kleurenverbod" is "ja"
    En het feit "gelieerde_club" is "hamc"
    En de peildatum is "2021-12-24"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_link_verboden_club" "geraakt"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"
