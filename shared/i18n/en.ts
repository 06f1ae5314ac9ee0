/** English UI messages; the shape every other catalogue must match key for key. */
export const en = {
  app: {
    name: 'Melding',
    loading: 'Loading …',
    skipToMain: 'Skip to main content',
    regions: {
      library: 'Library',
      document: 'Document',
      status: 'Status',
    },
    shortcuts: {
      cycleRegions: 'F6 moves between the library, the document and the status bar.',
    },
  },
  header: {
    settings: 'Settings',
  },
  library: {
    heading: 'Library',
    empty: {
      title: 'No documents yet',
      body: 'Press releases, news items and articles you write are kept here, on your own machine, and you can go on working without a network. Documents you create or import will appear in this list.',
    },
  },
  editor: {
    placeholder: {
      title: 'No document open',
      body: 'Choose a document in the library to open it here.',
    },
  },
  status: {
    online: 'Online',
    offline: 'Offline: everything is saved on this machine',
    outbox: {
      none: 'Nothing waiting to be sent',
      waiting_one: '{{count}} change waiting to be sent',
      waiting_other: '{{count}} changes waiting to be sent',
      failing_one: '{{count}} failed, will try again',
      failing_other: '{{count}} failed, will try again',
    },
  },
  settings: {
    title: 'Settings',
    close: 'Close',
    language: {
      legend: 'Language of the app',
      hint: 'Applies to menus, buttons and messages. Each document has its own written form (Bokmål or Nynorsk), chosen in the document.',
      system: 'Same as the system ({{language}})',
      saved: 'Language saved.',
    },
    about: {
      heading: 'About Melding',
      version: 'Version {{version}}',
      dataDir: 'Data folder',
      host: {
        electron: 'Desktop app',
        devhost: 'Running in a browser through the development host',
      },
    },
  },
  languages: {
    nb: 'Norsk bokmål',
    nn: 'Norsk nynorsk',
    en: 'English',
  },
  notices: {
    settings_reset: 'Your settings file could not be read. It was set aside as {{detail}} and the default settings are used.',
    dismiss: 'Dismiss',
  },
  errors: {
    invalid_input: 'Melding received data it could not accept, and changed nothing.',
    forbidden_sender: 'The request came from somewhere Melding does not trust, and was refused.',
    unknown_channel: 'Melding does not know this action.',
    internal: 'Something went wrong inside Melding. Nothing you have written is lost. Please try again.',
    storage_failed: 'Could not save to disk. Check that there is free space and that the data folder can be written to, then try again.',
    invalid_url: 'Only secure web addresses (https) can be opened.',
    host_unreachable: 'Cannot reach the Melding service. Has it been stopped?',
  },
};

/** Every catalogue has exactly the keys of the English one, with string values. */
export type Catalogue = DeepStrings<typeof en>;
type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
