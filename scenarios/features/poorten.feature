# language: nl
Functionaliteit: Juridische poorten die echt kunnen blokkeren
  Een instrument wordt overwogen in de situaties waarin een gemeente eraan denkt; de poort
  beslist of het juridisch kan. Een hoog risiconiveau is nooit zelf een rechtsgrond.

  Scenario: Informatielek en druk zonder bedreigde personen: geen ondersteuning ambtsdrager
    Gegeven het scenario "informatielek_zonder_bedreiging"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "intimidatie_ambtsdragers" "verhoogd"
    En is de status van interventie "weerbaarheidsscan" "aanbevolen"
    Maar wordt interventie "ondersteuning_ambtsdrager" niet voorgesteld

  Scenario: Informatielek en geïntimideerde vergunningambtenaren: wel ondersteuning
    Gegeven het scenario "informatielek_zonder_bedreiging"
    En het feit "intimidatie_ambtenaren_vergunningen" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is indicator "ia_intimidatie_ambtenaren" "geraakt"
    En is de status van interventie "ondersteuning_ambtsdrager" "aanbevolen"

  Scenario: Wapens in een woning: art. 174 geldt niet, art. 174a wel (2024)
    Gegeven het scenario "wapens_174a_2024"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "bevel_174" "juridisch_niet_mogelijk"
    En is de status van interventie "sluiting_174a" "aanbevolen"

  Scenario: Wapens in een café: art. 174 wel, art. 174a niet
    Gegeven het scenario "wapens_174a_2024"
    En het feit "pand_soort" is "publiek_lokaal"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "bevel_174" "aanbevolen"
    En is de status van interventie "sluiting_174a" "juridisch_niet_mogelijk"

  Scenario: Acute dreiging na een beschieting, maar geen verstoring of vrees: geen bevel
    Gegeven het scenario "schietincident_clubhuis_rustig_geen_bevel_2024"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T5"
    En is de status van interventie "bevel_172" "juridisch_niet_mogelijk"
    En is de status van interventie "sluiting_174a" "juridisch_niet_mogelijk"

  Scenario: Acute dreiging na een beschieting met ernstige vrees: bevel wel mogelijk
    Gegeven het scenario "schietincident_clubhuis_rustig_geen_bevel_2024"
    En het feit "ordeverstoring_of_ernstige_vrees" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "bevel_172" "aanbevolen"

  Scenario: Meldingen van omwonenden zonder ernstige, herhaalde overlast: geen gedragsaanwijzing
    Gegeven het scenario "woonoverlast_meldingen_niet_ernstig"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "gedragsaanwijzing_151d" "juridisch_niet_mogelijk"
    Maar wordt interventie "sluiting_174a" niet voorgesteld

  Scenario: Meldingen van omwonenden met vastgestelde ernstige, herhaalde overlast
    Gegeven het scenario "woonoverlast_meldingen_niet_ernstig"
    En het feit "ernstige_overlast_woning" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "gedragsaanwijzing_151d" "aanbevolen"

  Scenario: Algemene regels gewenst bij acute rivaliteit, maar geen noodsituatie
    Gegeven het scenario "rivaliteit_acuut_geen_noodverordening"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T5"
    En is de status van interventie "noodverordening_176" "juridisch_niet_mogelijk"
    En is de status van interventie "noodbevel_175" "juridisch_niet_mogelijk"
    En is de status van interventie "bevel_172" "aanbevolen"

  Scenario: Algemene regels nodig bij ernstige wanordelijkheden: noodverordening mogelijk
    Gegeven het scenario "rivaliteit_acuut_geen_noodverordening"
    En het feit "noodsituatie" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "noodverordening_176" "aanbevolen"

  Scenario: Clubhuis Hells Angels vóór het verbod: sluiting als verboden club kan niet
    Gegeven het scenario "hamc_clubhuis_voor_verbod_2019"
    Als de beoordeling wordt uitgevoerd
    Dan is indicator "omg_link_verboden_club" "niet_geraakt"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "juridisch_niet_mogelijk"

  Scenario: Hetzelfde clubhuis op de besluitdatum in Heiloo (30 oktober 2019): verbod geldt
    Gegeven het scenario "hamc_clubhuis_voor_verbod_2019"
    En de peildatum is "2019-10-30"
    # Het charter erft het verbod niet (ECLI:NL:GHARL:2020:10406); de bestuurlijke rapportage stelde
    # vast dat het pand werd gebruikt door (een onderdeel van) de verboden HAMC zelf.
    En het feit "voortzetting_verboden_organisatie" is "hells_angels_mc_holland"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T4"
    En is indicator "omg_link_verboden_club" "geraakt"
    En is de status van interventie "sluiting_clubhuis_verboden_club" "te_overwegen"

  Scenario: Clubhuis van een club buiten het register: geen sluiting als verboden club
    Gegeven het scenario "enschede_satudarah_2012"
    En het feit "gelieerde_club" is "niet_verboden_club"
    Als de beoordeling wordt uitgevoerd
    Dan wordt interventie "sluiting_clubhuis_verboden_club" niet voorgesteld

  Scenario: Handhaving bestemmingsplan zonder gedogen: aanbevolen
    Gegeven het scenario "enschede_satudarah_2012"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"

  Scenario: Handhaving bestemmingsplan na jarenlang gedogen: eerst afwegen
    Gegeven het scenario "enschede_satudarah_2012"
    En het feit "gebruik_gedoogd_of_met_instemming" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "handhaving_bestemmingsplan" "te_overwegen"

  Scenario: Pand op gemeentegrond alleen is geen gedogen
    Gegeven het scenario "enschede_satudarah_2012"
    En het feit "clubhuis_gemeentegrond" is "ja"
    Als de beoordeling wordt uitgevoerd
    Dan is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"
