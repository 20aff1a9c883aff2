// After signing out: no user to ask for, only the header.
import { initLayout } from './layout.js';

initLayout('', { needsUser: false });
