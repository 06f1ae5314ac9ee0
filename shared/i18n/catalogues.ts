import type { UiLanguage } from '../domain/settings';
import { en, type Catalogue } from './en';
import { nb } from './nb';
import { nn } from './nn';

export const CATALOGUES: Readonly<Record<UiLanguage, Catalogue>> = { nb, nn, en };
export type { Catalogue };
