# language: nl
Functionaliteit: Ondermijningsfenomenen en passende interventies
  Signalen per fenomeen leiden tot een niveau; interventies hebben daarnaast hun eigen juridische poorten.

  Scenario: Woning met hennepsignalen zonder vondst
    Gegeven het scenario "hennep_signalen_woning"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "hennep_drugs" "verhoogd"
    En is het mogelijke niveau van "hennep_drugs" "verhoogd"
    En is indicator "hd_drugs_aangetroffen" "niet_geraakt"
    En is indicator "hd_stroomverbruik" "geraakt"
    En wordt interventie "sluiting_13b" niet voorgesteld
    En wordt interventie "waarschuwing" niet voorgesteld

  Scenario: Drugslab in leegstaande stal in het buitengebied
    Gegeven het scenario "drugslab_buitengebied"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "drugs_buitengebied" "hoog"
    En is het niveau van "hennep_drugs" "hoog"
    En is de poort van "drugs_buitengebied" "voldaan"
    # Wetenschap van de bestemming (art. 10a) staat niet vast: het model vraagt die na.
    En is de status van interventie "sluiting_13b_voorbereiding" "onvoldoende_gegevens"
    En ontbreekt het feit "wetenschap_bestemming_voorbereiding" voor interventie "sluiting_13b_voorbereiding"
    En is de status van interventie "keurmerk_buitengebied" "aanbevolen"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Verloederd vakantiepark met permanente bewoning en kwekerijen
    Gegeven het scenario "vakantiepark_verloedering"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vakantieparken" "hoog"
    En is de status van interventie "integrale_controle" "aanbevolen"
    En is de status van interventie "handhaving_bestemmingsplan" "aanbevolen"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Vastgoedtransacties met witwassignalen en Bibob-gevaar
    Gegeven het scenario "vastgoed_witwassen_wijk"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "vastgoed_witwassen" "hoog"
    # Weigeren vraagt een evenredigheidsafweging die nog niet in het profiel staat.
    En is de status van interventie "bibob_weigering" "te_overwegen"
    En is de status van interventie "bibob_voorschriften" "onvoldoende_gegevens"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Overbewoonde woning met arbeidsmigranten en ingehouden paspoorten
    Gegeven het scenario "arbeidsuitbuiting_huisvesting"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "arbeidsuitbuiting" "hoog"
    En is de poort van "arbeidsuitbuiting" "voldaan"
    En is indicator "au_documenten_ingenomen" "geraakt"
    En is de status van interventie "signaal_arbeidsinspectie" "aanbevolen"
    En is de status van interventie "integrale_controle" "aanbevolen"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Wijk met jongeren die snel doorgroeien in drugsnetwerken
    Gegeven het scenario "rising_stars_wijk"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "rising_stars" "verhoogd"
    En is de status van interventie "persoonsgerichte_aanpak" "aanbevolen"
    # Geen APV-grondslag nodig (ECLI:NL:RVS:2025:772).
    En is de status van interventie "gebiedsverbod_172a" "aanbevolen"
    En is de status van interventie "bevel_172" "aanbevolen"

  Scenario: Familiesysteem met criminaliteit over generaties
    Gegeven het scenario "criminele_familie_woonwagencentrum"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "criminele_families" "hoog"
    En is de poort van "criminele_families" "voldaan"
    En is de status van interventie "persoonsgerichte_aanpak" "aanbevolen"
    En is de status van interventie "riec_casus" "aanbevolen"

  Scenario: Ernstige bedreiging van een wethouder na een handhavingsbesluit
    Gegeven het scenario "intimidatie_wethouder"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "intimidatie_ambtsdragers" "hoog"
    En is de status van interventie "ondersteuning_ambtsdrager" "aanbevolen"
    En is de status van interventie "weerbaarheidsscan" "aanbevolen"
