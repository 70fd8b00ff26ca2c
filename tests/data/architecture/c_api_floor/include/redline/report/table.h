#pragma once
int table();
