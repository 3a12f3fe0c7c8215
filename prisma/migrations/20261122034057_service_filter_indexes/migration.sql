-- CreateIndex
CREATE INDEX "Service_programmeId_tier_idx" ON "Service"("programmeId", "tier");

-- CreateIndex
CREATE INDEX "Service_programmeId_strategy_idx" ON "Service"("programmeId", "strategy");

-- CreateIndex
CREATE INDEX "Service_tags_idx" ON "Service" USING GIN ("tags");
