/* global document, window -- runs in the browser. */
// The typing-latency baseline: a bare Tiptap editor with StarterKit and nothing else, given the
// same document as Melding's body by the bench (window.benchStart(json)).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

window.benchStart = (content) => {
  window.benchEditor = new Editor({ element: document.getElementById('editor'), extensions: [StarterKit], content });
  return true;
};
