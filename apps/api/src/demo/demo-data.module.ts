import { Module } from '@nestjs/common';
import { DemoDataSeeder } from './demo-data.seeder.js';
import { DemoImportSender } from './demo-import.sender.js';

@Module({ providers: [DemoImportSender, DemoDataSeeder] })
export class DemoDataModule {}
