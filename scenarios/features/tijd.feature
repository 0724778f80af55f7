# language: nl
Functionaliteit: Recht verandert in de tijd
  Dezelfde situatie op twee peildata: het model gebruikt de regels die op de peildatum gelden.

  Scenario: Schuur met alleen kweekbenodigdheden (2018)
    Gegeven het scenario "voorbereiding_13b_2018"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "verhoogd"
    En is de status van interventie "sluiting_13b" "juridisch_niet_mogelijk"

  Scenario: Schuur met alleen kweekbenodigdheden (2019)
    Gegeven het scenario "voorbereiding_13b_2019"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "verhoogd"
    En is de status van interventie "sluiting_13b_voorbereiding" "aanbevolen"

  Scenario: Wapenvondst in woning zonder langdurige overlast (2023)
    Gegeven het scenario "wapens_174a_2023"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is de status van interventie "sluiting_174a" "juridisch_niet_mogelijk"
    En wordt interventie "sluiting_13b" niet voorgesteld
    En is de status van interventie "gedragsaanwijzing_151d" "juridisch_niet_mogelijk"

  Scenario: Wapenvondst in woning zonder langdurige overlast (2024)
    Gegeven het scenario "wapens_174a_2024"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is de status van interventie "sluiting_174a" "aanbevolen"
    En wordt interventie "sluiting_13b" niet voorgesteld
    En is de status van interventie "gedragsaanwijzing_151d" "juridisch_niet_mogelijk"

  Scenario: Colors van verboden Satudarah in het uitgaansgebied (2021)
    Gegeven het scenario "kleurenverbod_2021"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    # Het APV-kleurenverbod was nooit geldig recht (ECLI:NL:HR:2021:1946), ook niet vóór het arrest.
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"
    En is de status van interventie "melding_om_140" "aanbevolen"
    En is de status van interventie "stopgesprek" "aanbevolen"

  Scenario: Colors van verboden Satudarah in het uitgaansgebied (2022)
    Gegeven het scenario "kleurenverbod_2022"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"
    En is de status van interventie "melding_om_140" "aanbevolen"
    En is de status van interventie "stopgesprek" "aanbevolen"

  Scenario: Ernstige woonoverlast vanuit een drugspand (2016)
    Gegeven het scenario "woonoverlast_151d_2016"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "gedragsaanwijzing_151d" "niet_beschikbaar"
    En is de status van interventie "sluiting_174a" "te_overwegen"

  Scenario: Ernstige woonoverlast vanuit een drugspand (2018)
    Gegeven het scenario "woonoverlast_151d_2018"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "gedragsaanwijzing_151d" "aanbevolen"
    En is de status van interventie "sluiting_174a" "te_overwegen"

  Scenario: Clubhuis Hells Angels op gemeentegrond vóór het verbod (mei 2019)
    Gegeven het scenario "hamc_clubhuis_voor_verbod_2019"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T2"
    En is indicator "omg_link_verboden_club" "niet_geraakt"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"
    En wordt interventie "melding_om_140" niet voorgesteld
