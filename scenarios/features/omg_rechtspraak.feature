# language: nl
Functionaliteit: OMG-zaken uit de rechtspraak
  De uitkomst van het gebruikte instrument volgt de uitspraak: in stand gebleven is aanbevolen of
  te overwegen, vernietigd of geschorst is juridisch niet mogelijk.

  Scenario: Enschede: clubhuis Satudarah in strijd met bestemmingsplan (2012)
    Gegeven het scenario "enschede_satudarah_2012"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    En is de poort van "omg" "voldaan"
    En is indicator "omg_clubhuis_niet_conform" "geraakt"
    En is indicator "omg_link_verboden_club" "niet_geraakt"
    En is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"
    En is de status van interventie "stopgesprek" "aanbevolen"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"
    En wordt interventie "beeindiging_huur_opstal" niet voorgesteld
    En wordt interventie "melding_om_140" niet voorgesteld

  Scenario: Eindhoven: last onder dwangsom tegen Satudarah als informele vereniging (2013)
    Gegeven het scenario "eindhoven_satudarah_2013"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    En is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"

  Scenario: Valkenswaard: intrekking vergunning Harleydag bij concrete dreiging (2014)
    Gegeven het scenario "valkenswaard_harleydag_2014"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T5"
    En is indicator "omg_acute_dreiging" "geraakt"
    En is de status van interventie "evenement_weigering" "aanbevolen"
    En is de status van interventie "evenement_voorschriften" "aanbevolen"

  Scenario: Cuijk: weigering motorevenement op generiek landelijk OMG-beleid (2013)
    Gegeven het scenario "cuijk_evenement_2013"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T1"
    En is de status van interventie "evenement_weigering" "juridisch_niet_mogelijk"
    En is de status van interventie "evenement_voorschriften" "aanbevolen"
    En is de status van interventie "bestuurlijke_rapportage" "aanbevolen"

  Scenario: Helmond: weigering op een generiek politierapport (2014)
    Gegeven het scenario "helmond_paasshow_2014"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is de status van interventie "evenement_weigering" "juridisch_niet_mogelijk"
    En is de status van interventie "evenement_voorschriften" "aanbevolen"
    En wordt interventie "bestuurlijke_rapportage" niet voorgesteld

  Scenario: Emmen: drugshandel vanuit clubhuis No Surrender op gemeentegrond (2017)
    Gegeven het scenario "emmen_no_surrender_2017"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_crimineel_gebruik_vastgesteld" "geraakt"
    En is indicator "omg_link_verboden_club" "niet_geraakt"
    En is de status van interventie "sluiting_13b" "te_overwegen"
    En is de status van interventie "beeindiging_huur_opstal" "aanbevolen"
    En is de status van interventie "noodbevel_175" "aanbevolen"
    En is de status van interventie "handhaving_bestemmingsplan" "onvoldoende_gegevens"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"

  Scenario: Haarlem: clubhuis Hells Angels voor onbepaalde tijd dicht (2017)
    Gegeven het scenario "haarlem_hells_angels_2017"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_link_verboden_club" "niet_geraakt"
    En is de status van interventie "sluiting_13b" "te_overwegen"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"
    En wordt interventie "beeindiging_huur_opstal" niet voorgesteld

  Scenario: Heiloo: sluiting clubhuis in gebruik door HAMC North West (2019)
    Gegeven het scenario "heiloo_hamc_north_west_2019"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_link_verboden_club" "geraakt"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "te_overwegen"
    En is de status van interventie "beeindiging_huur_opstal" "aanbevolen"
    En is de status van interventie "melding_om_140" "juridisch_niet_mogelijk"
    En wordt interventie "verbod_2_20_bw" niet voorgesteld

  Scenario: Hoorn: clubhuis van Satudarah voortgezet onder de naam Singa 19 (2020)
    Gegeven het scenario "hoorn_singa_19_2020"
    Als de beoordeling wordt uitgevoerd
    # Na hof 18 juni 2019 (geen uitvoerbaarheid bij voorraad volgens ECLI:NL:PHR:2020:593) is het
    # Satudarah-verbod tot HR 13 november 2020 onbepaald.
    Dan is het niveau van "omg" "T2"
    En is indicator "omg_link_verboden_club" "onbepaald"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "onvoldoende_gegevens"
    En is de status van interventie "melding_om_140" "juridisch_niet_mogelijk"

  Scenario: Doornenburg: vermoedelijk gebruik van een café door No Surrender zonder bewijs (2017)
    Gegeven het scenario "doornenburg_cafe_2017"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T2"
    En is de status van interventie "bevel_174" "juridisch_niet_mogelijk"
    En is de status van interventie "horecavergunning_intrekking" "juridisch_niet_mogelijk"
    En is de status van interventie "stopgesprek" "aanbevolen"

  Scenario: Woning met 76 hennepplanten en eerdere oogsten: 13b-sluiting drie maanden
    Gegeven het scenario "woning_hennep_76_planten"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "hoog"
    En is de status van interventie "sluiting_13b" "te_overwegen"
    En is de status van interventie "waarschuwing" "aanbevolen"
