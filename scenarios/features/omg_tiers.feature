# language: nl
Functionaliteit: OMG-tiers T0 tot en met T5 en negatieve controles
  Elke tier komt voor; een reguliere motorclub krijgt nooit een OMG-niveau; onbekend blijft onbekend.

  Scenario: Reguliere motorclub zoekt clubhuis (negatieve controle)
    Gegeven het scenario "reguliere_motorclub"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is het mogelijke niveau van "omg" "T0"
    En is de poort van "omg" "niet_voldaan"
    En wordt interventie "stopgesprek" niet voorgesteld
    # Strijdig gebruik is een eigen grond voor handhaving, ook bij een reguliere club (beginselplicht).
    En is de status van interventie "handhaving_bestemmingsplan" "onvoldoende_gegevens"
    En wordt interventie "kleurenverbod_apv" niet voorgesteld
    En wordt interventie "evenement_weigering" niet voorgesteld
    En wordt interventie "verbod_2_20_bw" niet voorgesteld
    En wordt interventie "melding_om_140" niet voorgesteld

  Scenario: Ommen: reguliere motorclub mag clubhuis bouwen (2018)
    Gegeven het scenario "ommen_motorclub_2018"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is de poort van "omg" "niet_voldaan"
    # Voorgesteld op eigen grond; concreet zicht op legalisatie blokkeert in de poort.
    En is de status van interventie "handhaving_bestemmingsplan" "juridisch_niet_mogelijk"
    En wordt interventie "stopgesprek" niet voorgesteld
    En wordt interventie "beeindiging_huur_opstal" niet voorgesteld

  Scenario: Leden in colors in een café (T1)
    Gegeven het scenario "colors_in_horeca_t1"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T1"
    En is de status van interventie "stopgesprek" "aanbevolen"
    En wordt interventie "handhaving_bestemmingsplan" niet voorgesteld
    En wordt interventie "sluiting_13b" niet voorgesteld
    En wordt interventie "sluiting_clubhuis_verboden_club" niet voorgesteld

  Scenario: Apeldoorn: club verplaatst na sluiting in Zwolle (2016)
    Gegeven het scenario "apeldoorn_verplaatsing_2016"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T2"
    En is indicator "omg_verplaatsing" "geraakt"
    En is de status van interventie "stopgesprek" "aanbevolen"
    En wordt interventie "handhaving_bestemmingsplan" niet voorgesteld
    En wordt interventie "beeindiging_huur_opstal" niet voorgesteld
    En wordt interventie "sluiting_13b" niet voorgesteld

  Scenario: Stamkroeg met messen en cocaïneresten: tijdelijke sluiting
    Gegeven het scenario "stamkroeg_messen_cocaine"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "horeca_dekmantel" "verhoogd"
    En is het niveau van "omg" "T2"
    En is de status van interventie "bevel_174" "aanbevolen"
    En is de status van interventie "stopgesprek" "aanbevolen"
    En is de status van interventie "sluiting_13b" "juridisch_niet_mogelijk"
    En is de status van interventie "sluiting_174a" "juridisch_niet_mogelijk"

  Scenario: Beschieting van een clubhuis bij een rivaliserend conflict (2024)
    Gegeven het scenario "schietincident_clubhuis_2024"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T5"
    En is indicator "omg_acute_dreiging" "geraakt"
    En is de status van interventie "sluiting_174a" "aanbevolen"
    # Sinds 2024 gaat sluiting op grond van art. 174a (b-grond) voor; of die volstaat, vraagt het model na.
    En is de status van interventie "noodbevel_175" "onvoldoende_gegevens"
    En ontbreekt het feit "sluiting_174a_volstaat" voor interventie "noodbevel_175"
    En is de status van interventie "bevel_172" "aanbevolen"

  Scenario: Rustige plattelandsgemeente zonder signalen (negatieve controle)
    Gegeven het scenario "rustige_plattelandsgemeente"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is het niveau van "hennep_drugs" "geen"
    En is het niveau van "drugs_buitengebied" "geen"
    En is het niveau van "vakantieparken" "geen"
    En is het niveau van "arbeidsuitbuiting" "geen"
    En is het niveau van "criminele_families" "geen"
    En is het niveau van "intimidatie_ambtsdragers" "geen"
    En is het mogelijke niveau van "omg" "T0"
    En is het mogelijke niveau van "hennep_drugs" "geen"
    En is het mogelijke niveau van "drugs_buitengebied" "geen"
    En is het mogelijke niveau van "intimidatie_ambtsdragers" "geen"
    En wordt interventie "stopgesprek" niet voorgesteld
    En wordt interventie "sluiting_13b" niet voorgesteld
    En wordt interventie "sluiting_174a" niet voorgesteld
    En wordt interventie "keurmerk_buitengebied" niet voorgesteld
    En wordt interventie "noodbevel_175" niet voorgesteld
    En wordt interventie "weerbaarheidsscan" niet voorgesteld
    En wordt interventie "signaal_arbeidsinspectie" niet voorgesteld
    En wordt interventie "handhaving_bestemmingsplan" niet voorgesteld

  Scenario: Pandprofiel met vrijwel alleen onbekende feiten
    Gegeven het scenario "grotendeels_onbekend"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
    En is het niveau van "hennep_drugs" "verhoogd"
    En is het mogelijke niveau van "omg" "T5"
    En is de poort van "omg" "onbepaald"
    En is de status van interventie "sluiting_13b" "onvoldoende_gegevens"
    En is de status van interventie "stopgesprek" "onvoldoende_gegevens"
    En ontbreekt het feit "pand_soort" voor interventie "sluiting_13b"
    En ontbreekt het feit "softdrugs_gram" voor interventie "sluiting_13b"
