/**
 * Starts the page, behind index.tsx's dynamic import (the async boundary module
 * federation needs so that shared modules are resolved before they are used).
 */
import { applyTheme } from '@tb/ui';
import { render } from 'preact';
import { App } from './app.js';
import { readConfig } from './config.js';
import { federatedLoader, initFederation } from './federation.js';
import { loadSettings } from './settings.js';

const config = readConfig();
applyTheme(loadSettings().darkMode);
initFederation();
const root = document.getElementById('tb-root') ?? document.body.appendChild(document.createElement('div'));
render(<App config={config} load={federatedLoader(config)} />, root);
