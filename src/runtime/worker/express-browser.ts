/**
 * Express 5 for the browser worker, loaded as its own chunk only when a program imports
 * it. It exports the stream class Express's requests are built on, so the runtime's
 * virtual network can build requests Express accepts.
 */
import express from 'express';
import { Readable } from 'stream';

export default { express, Readable };
