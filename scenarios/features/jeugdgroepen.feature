# language: nl
Functionaliteit: Integrale aanpak jeugdgroepen (shortlistklassen)
  Een problematische jeugdgroep is hinderlijk, overlastgevend of crimineel; bij elke klasse hoort
  een aanpak. Een groep die samenkomt zonder hinder is geen problematische groep. Het profiel
  beschrijft de groep als geheel, nooit personen; de persoonsgerichte aanpak wordt alleen
  voorgesteld.

  Scenario: Een hinderlijke groep: jongerenwerk en preventie, geen groepsaanpak
    Gegeven het scenario "jeugdgroep_hinderlijk_speeltuin"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "jeugdgroepen" "hinderlijk"
    En is de status van interventie "jongerenwerk_preventie_jeugdgroep" "aanbevolen"
    Maar wordt interventie "groepsaanpak_jeugdgroep" niet voorgesteld

  Scenario: Gaat de hinderlijke groep omstanders intimideren, dan is ze overlastgevend
    Gegeven het scenario "jeugdgroep_hinderlijk_speeltuin"
    En het feit "jg_omstanders_lastigvallen" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is indicator "jg_omstanders_lastigvallen" "geraakt"
    En is het niveau van "jeugdgroepen" "overlastgevend"
    En ontbreekt het feit "jg_grondslag_gegevensdeling" voor interventie "groepsaanpak_jeugdgroep"
    En is de status van interventie "groepsaanpak_jeugdgroep" "onvoldoende_gegevens"

  Scenario: Overlastgevende groep met convenant, maar met minderjarigen: groepsaanpak te overwegen
    Gegeven het scenario "jeugdgroep_overlastgevend_winkelcentrum"
    En het feit "jg_minderjarigen_in_groep" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "groepsaanpak_jeugdgroep" "te_overwegen"
    Maar wordt interventie "pga_criminele_jeugdgroep" niet voorgesteld

  Scenario: Veel overlast en geweld, maar geen criminele kenmerken: niet crimineel
    Gegeven het scenario "jeugdgroep_overlastgevend_winkelcentrum"
    En het feit "jg_geweld" is "geweld_tegen_personen"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "jeugdgroepen" "overlastgevend"
    En is het mogelijke niveau van "jeugdgroepen" "overlastgevend"
    Maar wordt interventie "pga_criminele_jeugdgroep" niet voorgesteld

  Scenario: Zonder convenant geen groepsaanpak of persoonsgerichte aanpak bij een criminele groep
    Gegeven het scenario "jeugdgroep_crimineel_zonder_convenant"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "jeugdgroepen" "crimineel"
    En is de status van interventie "groepsaanpak_jeugdgroep" "juridisch_niet_mogelijk"
    En is de status van interventie "pga_criminele_jeugdgroep" "juridisch_niet_mogelijk"

  Scenario: Met convenant wel een persoonsgerichte aanpak
    Gegeven het scenario "jeugdgroep_crimineel_zonder_convenant"
    En het feit "jg_grondslag_gegevensdeling" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "groepsaanpak_jeugdgroep" "aanbevolen"
    En is de status van interventie "pga_criminele_jeugdgroep" "aanbevolen"

  Scenario: Jongeren die samenkomen zonder overlast: geen klasse, geen interventie
    Gegeven het scenario "jeugdgroep_aanvaardbaar_geen_overlast"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "jeugdgroepen" "geen"
    En is de poort van "jeugdgroepen" "voldaan"
    Maar wordt interventie "jongerenwerk_preventie_jeugdgroep" niet voorgesteld
    En wordt interventie "gebiedsverbod_172a" niet voorgesteld

  Scenario: Is er geen groep die samenkomt, dan telt de hinder niet mee
    Gegeven het scenario "jeugdgroep_melding_grotendeels_onbekend"
    En het feit "jg_groep_komt_samen" is "nee"
    Als de beoordeling wordt uitgevoerd
    Dan is de poort van "jeugdgroepen" "niet_voldaan"
    En is het mogelijke niveau van "jeugdgroepen" "geen"
    Maar wordt interventie "jongerenwerk_preventie_jeugdgroep" niet voorgesteld

  Abstract Scenario: Beide engines geven dezelfde klasse
    Gegeven het scenario "<scenario>"
    Als de beoordeling wordt uitgevoerd met engine "<engine>"
    Dan is het niveau van "jeugdgroepen" "<niveau>"

    Voorbeelden:
      | scenario                                | engine  | niveau         |
      | jeugdgroep_hinderlijk_speeltuin         | durable | hinderlijk     |
      | jeugdgroep_hinderlijk_speeltuin         | python  | hinderlijk     |
      | jeugdgroep_overlastgevend_winkelcentrum | durable | overlastgevend |
      | jeugdgroep_overlastgevend_winkelcentrum | python  | overlastgevend |
      | jeugdgroep_crimineel_regionaal          | durable | crimineel      |
      | jeugdgroep_crimineel_regionaal          | python  | crimineel      |
      | jeugdgroep_melding_grotendeels_onbekend | durable | geen           |
      | jeugdgroep_melding_grotendeels_onbekend | python  | geen           |
