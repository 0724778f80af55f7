# language: nl
Functionaliteit: Dekking van indicatoren, niveaus en juridische poorten
  Lokale situaties die een gemeente of RIEC kan tegenkomen. Elk scenario varieert op een
  YAML-scenario en laat zien dat een risiconiveau geen rechtsgrond is: een interventie die
  wordt voorgesteld kan toch juridisch niet mogelijk zijn.

  Scenario: Overbewoonde woning met arbeidsmigranten blijft een signaal
    Gegeven het scenario "arbeidsmigranten_overbewoning_signaal"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "arbeidsuitbuiting" "signaal"
    En is indicator "au_slechte_huisvesting" "geraakt"
    En is de status van interventie "signaal_arbeidsinspectie" "aanbevolen"

  Scenario: Seizoenwerkers met ingehouden paspoorten worden een hoog risico
    Gegeven het scenario "arbeidsuitbuiting_seizoenwerk_verhoogd"
    En het feit "documenten_ingenomen" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "arbeidsuitbuiting" "hoog"
    En is indicator "au_malafide_bemiddeling" "geraakt"
    En is de status van interventie "integrale_controle" "aanbevolen"

  Scenario: Zonder kwetsbare werknemers in beeld geen arbeidsuitbuiting
    Gegeven het scenario "arbeidsuitbuiting_distributiecentrum_hoog"
    En het feit "kwetsbare_werknemers_aanwezig" is "nee"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "arbeidsuitbuiting" "geen"
    En is de poort van "arbeidsuitbuiting" "niet_voldaan"
    Maar wordt interventie "signaal_arbeidsinspectie" niet voorgesteld

  Scenario: Leegstaande stallen, een benaderde boer en gedumpt drugsafval maken het buitengebied verhoogd
    Gegeven het scenario "buitengebied_leegstand_signaal"
    En het feit "boeren_benaderd_verhuur" is "ja"
    En het feit "drugsafval_dumpingen_12m" is "1"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "drugs_buitengebied" "verhoogd"
    En is indicator "bg_leegstand" "geraakt"
    En is indicator "bg_drugsafval" "geraakt"
    En is de status van interventie "keurmerk_buitengebied" "aanbevolen"
    En is de status van interventie "integrale_controle" "aanbevolen"

  Scenario: Schuur in het buitengebied: met bekende gebruiker kan wel gehandhaafd worden
    Gegeven het scenario "buitengebied_schuur_eigenaar_onbekend"
    En het feit "gebruiker_pand_bekend" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "drugs_buitengebied" "verhoogd"
    En is indicator "bg_afgeschermd" "geraakt"
    En is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"

  Scenario: Clubhuis in strijd met het bestemmingsplan zonder waarneming ter plaatse
    Gegeven het scenario "clubhuis_dwangsom_zonder_waarneming"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    # Opleggen: staat de overtreding vast (art. 5:2/5:7 Awb)? Invorderen: deugdelijk vastgesteld (ECLI:NL:RVS:2017:1179)?
    En is de status van interventie "handhaving_bestemmingsplan" "onvoldoende_gegevens"
    En is de status van interventie "invordering_dwangsom" "juridisch_niet_mogelijk"
    En is de status van interventie "bestuurlijke_rapportage" "aanbevolen"

  Scenario: Zolang niet vaststaat of de overtreding is begaan, ontbreekt dat feit
    Gegeven het scenario "clubhuis_dwangsom_zonder_waarneming"
    En het feit "overtreding_ter_plaatse_vastgesteld" is "onbekend"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "handhaving_bestemmingsplan" "onvoldoende_gegevens"
    En ontbreekt het feit "overtreding_vastgesteld" voor interventie "handhaving_bestemmingsplan"

  Scenario: Vakantiepark in transformatie: zicht op legalisatie
    Gegeven het scenario "vakantiepark_transformatie_wonen"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vakantieparken" "signaal"
    En is indicator "vp_permanente_bewoning" "geraakt"
    En is de status van interventie "integrale_controle" "aanbevolen"
    En is de status van interventie "handhaving_bestemmingsplan" "juridisch_niet_mogelijk"

  Scenario: Vakantiepark met vuurwerk en prostitutie; drugsproductie maakt het hoog
    Gegeven het scenario "vakantiepark_vuurwerk_prostitutie"
    En het feit "drugsproductie_park" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vakantieparken" "hoog"
    En is indicator "vp_vuurwerk" "geraakt"
    En is indicator "vp_drugs" "geraakt"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Splintergroep zonder bestuur is geen vereniging voor een verbod
    Gegeven het scenario "brotherhood_loods_geen_vereniging"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_antecedenten" "geraakt"
    En is de status van interventie "sluiting_13b" "aanbevolen"
    En is de status van interventie "verbod_2_20_bw" "juridisch_niet_mogelijk"
    En is de status van interventie "cameratoezicht_151c" "juridisch_niet_mogelijk"
    Maar wordt interventie "melding_om_140" niet voorgesteld

  Scenario: Supportclub met een gemeentemedewerker als lid
    Gegeven het scenario "omg_supportclub_gemeentepersoneel"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T1"
    En is het niveau van "intimidatie_ambtsdragers" "signaal"
    En is indicator "ia_personeel_lid_omg" "geraakt"
    En is de status van interventie "weerbaarheidsscan" "aanbevolen"
    Maar wordt interventie "ondersteuning_ambtsdrager" niet voorgesteld

  Scenario: Kleuren van een verboden club in 2020 zonder kleurenverbod in de APV
    Gegeven het scenario "kleuren_verboden_club_zonder_apv_2020"
    Als de beoordeling wordt uitgevoerd
    # Satudarah-verbod onbepaald tussen hof (18-6-2019) en HR (13-11-2020); kleurenverbod nooit geldig.
    Dan is het niveau van "omg" "T1"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"
    En is de status van interventie "melding_om_140" "juridisch_niet_mogelijk"

  Scenario: Na het onherroepelijke verbod van Satudarah is voortzetting te melden
    Gegeven het scenario "kleuren_verboden_club_zonder_apv_2020"
    En de peildatum is "2021-03-01"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "melding_om_140" "aanbevolen"
    En is de status van interventie "kleurenverbod_apv" "niet_beschikbaar"

  Scenario: Oud-Bandidos zonder waargenomen voortzetting
    Gegeven het scenario "oud_leden_bandidos_geen_voortzetting_2023"
    Als de beoordeling wordt uitgevoerd
    Dan is indicator "omg_link_verboden_club" "geraakt"
    En is de status van interventie "melding_om_140" "juridisch_niet_mogelijk"
    Maar wordt interventie "kleurenverbod_apv" niet voorgesteld

  Scenario: Motortoertocht op geruchten: eerst een bestuurlijke rapportage
    Gegeven het scenario "motortoertocht_zonder_onderbouwing"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "bestuurlijke_rapportage" "aanbevolen"
    En is de status van interventie "evenement_voorschriften" "juridisch_niet_mogelijk"
    En is de status van interventie "evenement_weigering" "juridisch_niet_mogelijk"

  Scenario: Motortoertocht in risicoklasse B: voorschriften wel mogelijk
    Gegeven het scenario "motortoertocht_zonder_onderbouwing"
    En het feit "evenement_risicoklasse" is "b"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "evenement_voorschriften" "aanbevolen"
    En is de status van interventie "evenement_weigering" "juridisch_niet_mogelijk"

  Scenario: Rustig geworden jeugdgroep: geen gebiedsverbod
    Gegeven het scenario "jeugdgroep_rustig_geen_gebiedsverbod"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "rising_stars" "signaal"
    En is indicator "rs_statusgoederen" "geraakt"
    En is de status van interventie "gebiedsverbod_172a" "juridisch_niet_mogelijk"
    En is de status van interventie "bevel_172" "juridisch_niet_mogelijk"

  Scenario: Drugsplein met jongeren: zonder cameraverordening geen camera's; gebiedsverbod wel (art. 172a lid 1, geen APV nodig)
    Gegeven het scenario "rising_stars_drugsplein_zonder_verordening"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "rising_stars" "hoog"
    En is indicator "rs_wapenbezit" "geraakt"
    En is de status van interventie "cameratoezicht_151c" "juridisch_niet_mogelijk"
    # ABRvS 26 februari 2025, ECLI:NL:RVS:2025:772: de bevoegdheid volgt rechtstreeks uit art. 172a lid 1.
    En is de status van interventie "gebiedsverbod_172a" "aanbevolen"
    En is de status van interventie "bevel_172" "aanbevolen"

  Scenario: Drugsplein met een cameraverordening van de raad
    Gegeven het scenario "rising_stars_drugsplein_zonder_verordening"
    En het feit "cameraverordening" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "cameratoezicht_151c" "aanbevolen"

  Scenario: Familie als rolmodel blijft een signaal
    Gegeven het scenario "criminele_familie_rolmodel_signaal"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "criminele_families" "signaal"
    En is indicator "cf_wijkinvloed" "geraakt"
    Maar wordt interventie "persoonsgerichte_aanpak" niet voorgesteld

  Scenario: Familie met dekmantelbedrijven en betrokken kinderen
    Gegeven het scenario "criminele_familie_dekmantelbedrijven"
    En het feit "kinderen_betrokken_criminaliteit" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "criminele_families" "hoog"
    En is indicator "cf_bedrijven_vastgoed" "geraakt"
    En is de status van interventie "persoonsgerichte_aanpak" "aanbevolen"

  Scenario: Informatielek en geïntimideerde vergunningambtenaren
    Gegeven het scenario "informatielek_vergunningen"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "intimidatie_ambtsdragers" "verhoogd"
    En is indicator "ia_informatielek" "geraakt"
    En is indicator "ia_druk_besluitvorming" "geraakt"
    En is de status van interventie "weerbaarheidsscan" "aanbevolen"

  Scenario: Onbekende eigenaren in een winkelstraat
    Gegeven het scenario "vastgoed_onbekende_eigenaren_signaal"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vastgoed_witwassen" "signaal"
    En is indicator "vw_offshore" "geraakt"
    Maar wordt interventie "bibob_weigering" niet voorgesteld

  Scenario: Kamerverhuur met ernstig Bibob-gevaar: weigeren in plaats van voorschriften
    Gegeven het scenario "vastgoed_kamerverhuur_bibob_voorschriften"
    En het feit "bibob_gevaar" is "ernstig"
    # Evenredigheid gewogen: weigeren is niet onevenredig (ECLI:NL:RBOBR:2017:5187).
    En het feit "bibob_weigering_onevenredig" is "nee"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vastgoed_witwassen" "verhoogd"
    En is de status van interventie "bibob_weigering" "aanbevolen"
    En is de status van interventie "bibob_voorschriften" "juridisch_niet_mogelijk"

  Scenario: Café met stroman: intrekken, geen sluiting zonder concreet gevaar
    Gegeven het scenario "cafe_stroman_bibob_ernstig"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "horeca_dekmantel" "hoog"
    En is de status van interventie "horecavergunning_intrekking" "aanbevolen"
    En is de status van interventie "bevel_174" "juridisch_niet_mogelijk"

  Scenario: Café met stroman waar een wapen wordt gevonden: sluiting wel mogelijk
    Gegeven het scenario "cafe_stroman_bibob_ernstig"
    En het feit "aangetroffen" is "wapens"
    En het feit "sluitingsduur_bepaald" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "bevel_174" "aanbevolen"

  Scenario: Telefoonwinkel als dekmantel
    Gegeven het scenario "belwinkel_risicobranche"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "horeca_dekmantel" "verhoogd"
    En is indicator "hr_risicobranche" "geraakt"
    En is de status van interventie "bevel_174" "juridisch_niet_mogelijk"
    Maar wordt interventie "horecavergunning_intrekking" niet voorgesteld

  Scenario: Hennepgeur alleen is een signaal
    Gegeven het scenario "hennepgeur_melding_signaal"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "signaal"
    En is indicator "hd_geur" "geraakt"
    En is de status van interventie "sluiting_13b" "onvoldoende_gegevens"

  Scenario: Clubhuis in erfpacht zonder opzeggingsgrond
    Gegeven het scenario "clubhuis_erfpacht_zonder_opzeggingsgrond"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    En is de status van interventie "beeindiging_huur_opstal" "juridisch_niet_mogelijk"
    En is de status van interventie "handhaving_bestemmingsplan" "te_overwegen"

  Scenario: Acuut conflict tussen clubs is nog geen noodsituatie
    Gegeven het scenario "rivaliteit_acuut_geen_noodsituatie"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T5"
    En is de status van interventie "noodbevel_175" "juridisch_niet_mogelijk"
    En is de status van interventie "bevel_172" "aanbevolen"
    Maar wordt interventie "noodverordening_176" niet voorgesteld

  Scenario: Dreigende confrontatie: noodbevoegdheden niet nodig als de APV volstaat
    Gegeven het scenario "confrontatie_apv_volstaat"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "noodbevel_175" "juridisch_niet_mogelijk"
    En is de status van interventie "noodverordening_176" "juridisch_niet_mogelijk"

  Scenario: Dreigende confrontatie waar reguliere bevoegdheden tekortschieten
    Gegeven het scenario "confrontatie_apv_volstaat"
    En het feit "reguliere_bevoegdheden_ontoereikend" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "noodbevel_175" "aanbevolen"
    En is de status van interventie "noodverordening_176" "aanbevolen"

  Scenario: Woonoverlast zonder APV-grondslag voor een gedragsaanwijzing
    Gegeven het scenario "woonoverlast_zonder_apv_151d"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "gedragsaanwijzing_151d" "juridisch_niet_mogelijk"
    En is de status van interventie "sluiting_174a" "te_overwegen"
