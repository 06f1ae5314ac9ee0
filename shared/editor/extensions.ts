import type { Extensions } from '@tiptap/core';
import { Blockquote } from './Blockquote';
import { Bold } from './Bold';
import { BulletList } from './BulletList';
import { Document } from './Document';
import { Figure } from './Figure';
import { HardBreak } from './HardBreak';
import { Heading } from './Heading';
import { Italic } from './Italic';
import { Link } from './Link';
import { ListItem } from './ListItem';
import { OrderedList } from './OrderedList';
import { Paragraph } from './Paragraph';
import { Text } from './Text';

/**
 * Everything a press release body may contain, in schema order (the first block, paragraph, is
 * what an empty document is filled with). The editor adds behaviour (history, placeholders) on
 * top of these; it never adds content types, or the published HTML would not match.
 */
export const extensions: Extensions = [
  Document,
  Paragraph,
  Text,
  Heading,
  BulletList,
  OrderedList,
  ListItem,
  Blockquote,
  Figure,
  HardBreak,
  Link,
  Bold,
  Italic,
];
