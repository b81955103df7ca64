/**
 * The shell's entry: its styles, then the app behind a dynamic import. Module federation
 * needs this async boundary to set up the shared singletons (preact, @tb/ui) before any
 * module that uses them runs.
 */
import '@tb/ui/theme.css';
import './shell.css';

void import('./bootstrap.js');
