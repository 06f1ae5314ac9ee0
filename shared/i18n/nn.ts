import type { Catalogue } from './en';

/** Nynorsk. */
export const nn: Catalogue = {
  app: {
    name: 'Melding',
    loading: 'Lastar …',
    skipToMain: 'Hopp til hovudinnhaldet',
    regions: {
      library: 'Bibliotek',
      document: 'Dokument',
      status: 'Status',
    },
    shortcuts: {
      cycleRegions: 'F6 flyttar mellom biblioteket, dokumentet og statuslinja.',
    },
  },
  header: {
    settings: 'Innstillingar',
  },
  library: {
    heading: 'Bibliotek',
    empty: {
      title: 'Ingen dokument enno',
      body: 'Pressemeldingar, nyheiter og artiklar du skriv, blir lagra her på di eiga maskin, og du kan arbeide vidare utan nett. Dokument du lagar eller importerer, dukkar opp i denne lista.',
    },
  },
  editor: {
    placeholder: {
      title: 'Ikkje noko dokument er ope',
      body: 'Vel eit dokument i biblioteket for å opne det her.',
    },
  },
  status: {
    online: 'Tilkopla',
    offline: 'Fråkopla: alt blir lagra på denne maskina',
    outbox: {
      none: 'Ingenting ventar på sending',
      waiting_one: '{{count}} endring ventar på sending',
      waiting_other: '{{count}} endringar ventar på sending',
      failing_one: '{{count}} gjekk ikkje gjennom, prøver på nytt',
      failing_other: '{{count}} gjekk ikkje gjennom, prøver på nytt',
    },
  },
  settings: {
    title: 'Innstillingar',
    close: 'Lukk',
    language: {
      legend: 'Språk i programmet',
      hint: 'Gjeld menyar, knappar og meldingar. Kvart dokument har si eiga målform (bokmål eller nynorsk), som du vel i dokumentet.',
      system: 'Same som systemet ({{language}})',
      saved: 'Språket er lagra.',
    },
    about: {
      heading: 'Om Melding',
      version: 'Versjon {{version}}',
      dataDir: 'Datamappe',
      host: {
        electron: 'Skrivebordsprogram',
        devhost: 'Køyrer i nettlesaren via utviklingsverten',
      },
    },
  },
  languages: {
    nb: 'Norsk bokmål',
    nn: 'Norsk nynorsk',
    en: 'English',
  },
  notices: {
    settings_reset: 'Innstillingsfila kunne ikkje lesast. Ho er lagd til side som {{detail}}, og standardinnstillingane blir brukte.',
    dismiss: 'Lukk meldinga',
  },
  errors: {
    invalid_input: 'Melding fekk data som ikkje kunne godtakast, og endra ingenting.',
    forbidden_sender: 'Førespurnaden kom frå ein stad Melding ikkje stolar på, og vart avvist.',
    unknown_channel: 'Melding kjenner ikkje denne handlinga.',
    internal: 'Noko gjekk gale i Melding. Ingenting du har skrive, er tapt. Prøv igjen.',
    storage_failed: 'Kunne ikkje lagre på disken. Sjekk at det er ledig plass, og at datamappa kan skrivast til, og prøv igjen.',
    invalid_url: 'Berre sikre nettadresser (https) kan opnast.',
    host_unreachable: 'Får ikkje kontakt med Melding-tenesta. Er ho stoppa?',
  },
};
