import type { Catalogue } from './en';

/** Bokmål. */
export const nb: Catalogue = {
  app: {
    name: 'Melding',
    loading: 'Laster …',
    skipToMain: 'Hopp til hovedinnholdet',
    regions: {
      library: 'Bibliotek',
      document: 'Dokument',
      status: 'Status',
    },
    shortcuts: {
      cycleRegions: 'F6 flytter mellom biblioteket, dokumentet og statuslinjen.',
    },
  },
  header: {
    settings: 'Innstillinger',
  },
  library: {
    heading: 'Bibliotek',
    empty: {
      title: 'Ingen dokumenter ennå',
      body: 'Pressemeldinger, nyheter og artikler du skriver, lagres her på din egen maskin, og du kan jobbe videre uten nett. Dokumenter du lager eller importerer, dukker opp i denne listen.',
    },
  },
  editor: {
    placeholder: {
      title: 'Ikke noe dokument er åpent',
      body: 'Velg et dokument i biblioteket for å åpne det her.',
    },
  },
  status: {
    online: 'Tilkoblet',
    offline: 'Frakoblet: alt lagres på denne maskinen',
    outbox: {
      none: 'Ingenting venter på sending',
      waiting_one: '{{count}} endring venter på sending',
      waiting_other: '{{count}} endringer venter på sending',
      failing_one: '{{count}} gikk ikke gjennom, prøver på nytt',
      failing_other: '{{count}} gikk ikke gjennom, prøver på nytt',
    },
  },
  settings: {
    title: 'Innstillinger',
    close: 'Lukk',
    language: {
      legend: 'Språk i programmet',
      hint: 'Gjelder menyer, knapper og meldinger. Hvert dokument har sin egen målform (bokmål eller nynorsk), som du velger i dokumentet.',
      system: 'Samme som systemet ({{language}})',
      saved: 'Språket er lagret.',
    },
    about: {
      heading: 'Om Melding',
      version: 'Versjon {{version}}',
      dataDir: 'Datamappe',
      host: {
        electron: 'Skrivebordsprogram',
        devhost: 'Kjører i nettleseren via utviklingsverten',
      },
    },
  },
  languages: {
    nb: 'Norsk bokmål',
    nn: 'Norsk nynorsk',
    en: 'English',
  },
  notices: {
    settings_reset: 'Innstillingsfilen kunne ikke leses. Den er lagt til side som {{detail}}, og standardinnstillingene brukes.',
    dismiss: 'Lukk meldingen',
  },
  errors: {
    invalid_input: 'Melding fikk data som ikke kunne godtas, og endret ingenting.',
    forbidden_sender: 'Forespørselen kom fra et sted Melding ikke stoler på, og ble avvist.',
    unknown_channel: 'Melding kjenner ikke denne handlingen.',
    internal: 'Noe gikk galt i Melding. Ingenting du har skrevet, er tapt. Prøv igjen.',
    storage_failed: 'Kunne ikke lagre på disken. Sjekk at det er ledig plass, og at datamappen kan skrives til, og prøv igjen.',
    invalid_url: 'Bare sikre nettadresser (https) kan åpnes.',
    host_unreachable: 'Får ikke kontakt med Melding-tjenesten. Er den stoppet?',
  },
};
