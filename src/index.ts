/** Worker entry: one app per isolate, built at module load. */
import { createApp } from './app';

const app = createApp();

export default app;
